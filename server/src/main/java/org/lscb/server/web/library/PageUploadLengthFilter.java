package org.lscb.server.web.library;

import jakarta.ws.rs.ext.Provider;
import org.lscb.server.library.BoundedUpload;
import org.lscb.server.library.UploadLengthFilter;

/** The publication page's upload, bounded by its declared length as the API's is ({@link UploadLengthFilter}). */
@Provider
@BoundedUpload
public class PageUploadLengthFilter extends UploadLengthFilter {}
