package org.zhijiao.commons.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The group's calendar: "today" is a day in the group's time zone, not the server's. */
public class Clocks {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "zhijiao.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        return Clock.system(zone);
    }
}
