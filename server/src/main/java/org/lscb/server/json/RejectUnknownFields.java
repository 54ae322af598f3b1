package org.lscb.server.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request record: a field the record does not have is a 400 naming it, rather than being
 * dropped. Used where a caller might believe something was stored that the product must never hold,
 * such as a child's name on a review.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RejectUnknownFields {}
