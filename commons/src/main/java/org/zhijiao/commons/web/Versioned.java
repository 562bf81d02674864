package org.zhijiao.commons.web;

import java.util.UUID;

/** A representation of an aggregate: its id (for Location) and its version (for the ETag). */
public interface Versioned {

    UUID id();

    long version();
}
