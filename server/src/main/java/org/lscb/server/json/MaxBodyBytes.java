package org.lscb.server.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request record: the body it is read from may be at most this many bytes, below the API's own limit
 * ({@link StrictJsonReader}); a larger one is a 413 before it is parsed. For bodies whose fields are bounded
 * well below that limit, so that no more is read than they can need.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MaxBodyBytes {

    int value();
}
