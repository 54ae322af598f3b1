package org.lscb.server;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.auth.LoginConfig;
import org.lscb.server.account.AccountsResource;
import org.lscb.server.action.ActionsResource;
import org.lscb.server.action.ReviewActionsResource;
import org.lscb.server.audit.AccessRefusedAuditFilter;
import org.lscb.server.audit.AuditResource;
import org.lscb.server.auth.AuthResource;
import org.lscb.server.auth.MeResource;
import org.lscb.server.auth.SigningKeysResource;
import org.lscb.server.auth.TwoFactorResource;
import org.lscb.server.custody.BoardCustodyResource;
import org.lscb.server.document.BundleResource;
import org.lscb.server.document.DocumentsResource;
import org.lscb.server.document.InboxResource;
import org.lscb.server.document.ReviewDocumentsResource;
import org.lscb.server.error.AnyExceptionMapper;
import org.lscb.server.json.StrictJsonReader;
import org.lscb.server.keys.CaResource;
import org.lscb.server.keys.GatewayKeyResource;
import org.lscb.server.keys.KeyBackupResource;
import org.lscb.server.keys.KeysResource;
import org.lscb.server.keys.ReviewRecipientsResource;
import org.lscb.server.notification.ChildDeathNotificationsResource;
import org.lscb.server.organisation.OrganisationsResource;
import org.lscb.server.request.RequestsResource;
import org.lscb.server.request.ReviewRequestsResource;
import org.lscb.server.review.ReviewsResource;
import org.lscb.server.reviewer.ReviewersResource;

/**
 * The HTTP API under {@code /api/v1}; every call but sign-in and the public keys needs a bearer token. Its
 * resources and providers are listed, not scanned, so that the web pages' application beside it
 * ({@link WebApplication}) and this one never serve each other's resources or map each
 * other's errors; {@code ApplicationsTest} checks that every resource and provider is in exactly one.
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({
    "ADMIN",
    "LSCB_OFFICER",
    "AGENCY_USER",
    "REVIEWER",
    "PAEDIATRICIAN",
    "CORONER",
    "CDOP_MEMBER",
    "LSCB_CHAIR",
    "TOTP_ENROLMENT"
})
public class RestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                AccountsResource.class,
                ActionsResource.class,
                ReviewActionsResource.class,
                AuditResource.class,
                AuthResource.class,
                MeResource.class,
                TwoFactorResource.class,
                SigningKeysResource.class,
                BundleResource.class,
                DocumentsResource.class,
                InboxResource.class,
                ReviewDocumentsResource.class,
                CaResource.class,
                BoardCustodyResource.class,
                GatewayKeyResource.class,
                KeyBackupResource.class,
                KeysResource.class,
                ReviewRecipientsResource.class,
                OrganisationsResource.class,
                RequestsResource.class,
                ReviewRequestsResource.class,
                ReviewsResource.class,
                org.lscb.server.review.VisitDecisionResource.class,
                org.lscb.server.review.PostMortemResource.class,
                ChildDeathNotificationsResource.class,
                org.lscb.server.review.PanelResources.Analysis.class,
                org.lscb.server.review.PanelResources.Referral.class,
                org.lscb.server.review.PanelResources.SignOff.class,
                org.lscb.server.review.PanelResources.Completion.class,
                org.lscb.server.export.ChildDeathExportResource.class,
                ReviewersResource.class,
                org.lscb.server.report.ReportsResource.class,
                org.lscb.server.library.PublicationResource.class,
                org.lscb.server.library.PublicReportsResource.class,
                org.lscb.server.library.UploadLengthFilter.class,
                org.lscb.server.auth.AccountLookupFilter.class,
                AccessRefusedAuditFilter.class,
                AnyExceptionMapper.class,
                StrictJsonReader.class);
    }

    /** Jersey's own settings, by name, so that nothing here depends on Jersey's classes. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of(
                // no /application.wadl and no WADL answer to OPTIONS: the API is described at /openapi only
                "jersey.config.server.wadl.disableWadl",
                true,
                // a Location is sent as PublicLocations built it, not resolved against the request's Host
                "jersey.config.server.headers.location.relative.resolution.disabled",
                true,
                // multipart/form-data bodies (publication's upload), from the Jersey that Payara Micro provides
                "jersey.config.server.provider.classnames",
                "org.glassfish.jersey.media.multipart.MultiPartFeature");
    }
}
