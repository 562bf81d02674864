package org.zhijiao.membership.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

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
}
