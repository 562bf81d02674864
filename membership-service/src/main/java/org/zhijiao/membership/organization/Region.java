package org.zhijiao.membership.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** Where an organization is; {@code country} is ISO 3166-1 alpha-2 (overseas members exist). */
@Embeddable
public class Region {

    @Column(name = "city", nullable = false)
    public String city;

    @Column(name = "province")
    public String province;

    @Column(name = "country", nullable = false, length = 2)
    public String country;

    public Region() {
    }

    public Region(String city, String province, String country) {
        this.city = city;
        this.province = province;
        this.country = country;
    }

    /** A value: an equal region assigned again is no change (no new version, no event). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Region that && Objects.equals(city, that.city)
                && Objects.equals(province, that.province) && Objects.equals(country, that.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(city, province, country);
    }
}
