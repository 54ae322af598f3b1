package org.lscb.server.library;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that takes a whole {@code multipart/form-data} body: the multipart reader keeps every
 * part (in temporary files) before the method runs, so {@link UploadLengthFilter} checks the body's declared length
 * first, and a body that is too large or of no declared length is refused before any of it is read.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BoundedUpload {}
