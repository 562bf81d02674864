package org.zhijiao.membership.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.zhijiao.commons.aggregate.BilingualName;

/** One code of a reference list (a specialty cluster, an industry chain, a sub-alliance). */
@Entity
@Table(name = "reference_item")
@IdClass(ReferenceItem.Key.class)
public class ReferenceItem extends PanacheEntityBase {

    @Id
    @Enumerated(EnumType.STRING)
    public ReferenceKind kind;

    @Id
    public String code;

    @Embedded
    public BilingualName name;

    @Column(name = "retired_on")
    public java.time.LocalDate retiredOn;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static ReferenceItem find(ReferenceKind kind, String code) {
        return findById(new Key(kind, code));
    }

    public static class Key implements Serializable {
        public ReferenceKind kind;
        public String code;

        public Key() {
        }

        public Key(ReferenceKind kind, String code) {
            this.kind = kind;
            this.code = code;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.kind == kind && Objects.equals(k.code, code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, code);
        }
    }
}
