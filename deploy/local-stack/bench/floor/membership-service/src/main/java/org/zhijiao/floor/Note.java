package org.zhijiao.floor;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** One entity, so that Hibernate ORM boots as it does in a service. */
@Entity
public class Note extends PanacheEntity {
    public String text;
}
