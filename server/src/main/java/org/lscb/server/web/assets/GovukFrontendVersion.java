package org.lscb.server.web.assets;

/** The GOV.UK Frontend release the pages are built for; the WebJar of the same version is in the bundle. */
public final class GovukFrontendVersion {

    public static final String VALUE = "5.14.0";

    private GovukFrontendVersion() {}
}
