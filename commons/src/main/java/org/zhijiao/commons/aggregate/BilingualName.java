package org.zhijiao.commons.aggregate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A name as the group writes it: in Chinese, always, and in English where there is one; the columns
 * {@code name_zh} and {@code name_en} of the owner's table. A value: an equal name assigned again is no
 * change (no new version, no event).
 */
@Embeddable
public record BilingualName(
        @Column(name = "name_zh", nullable = false) String zh,
        @Column(name = "name_en") String en) {

    /** This name with the parts a PATCH gives: a part it leaves out (null) keeps its value. */
    public BilingualName patched(String zh, String en) {
        return new BilingualName(zh == null ? this.zh : zh, en == null ? this.en : en);
    }
}
