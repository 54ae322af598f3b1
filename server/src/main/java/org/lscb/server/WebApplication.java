package org.lscb.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.lscb.server.web.action.ActionPages;
import org.lscb.server.web.admin.AccountPages;
import org.lscb.server.web.admin.AdministrationPage;
import org.lscb.server.web.admin.OrganisationPages;
import org.lscb.server.web.appointment.Appointments;
import org.lscb.server.web.appointment.PanelCheckPage;
import org.lscb.server.web.document.DocumentPages;
import org.lscb.server.web.envelope.BrowserApiToken;
import org.lscb.server.web.envelope.GrantPage;
import org.lscb.server.web.envelope.KeysPage;
import org.lscb.server.web.envelope.OpenPage;
import org.lscb.server.web.envelope.ScriptsPage;
import org.lscb.server.web.envelope.SendPage;
import org.lscb.server.web.error.PageExceptionMapper;
import org.lscb.server.web.home.DashboardPage;
import org.lscb.server.web.profile.ProfilePages;
import org.lscb.server.web.request.RequestPages;
import org.lscb.server.web.review.ClockForms;
import org.lscb.server.web.review.ReviewPage;
import org.lscb.server.web.review.ScrDecisionForm;
import org.lscb.server.web.reviewer.RegisterSearchPage;
import org.lscb.server.web.reviewer.ReviewerPage;
import org.lscb.server.web.session.CsrfFilter;
import org.lscb.server.web.signin.SignInPages;
import org.lscb.server.web.signin.TwoFactorSetupPages;

/**
 * The web pages, at the root of the service, for people with a browser (docs/architecture.md "Web
 * pages"). Each page resource calls the same application service as the JSON API beside it
 * ({@link RestApplication}, which keeps {@code /api/v1}); the browser is known by its
 * session cookie, not a bearer token. Resources and providers are listed, so the two applications never
 * share an error mapper: a page's error is a page, the API's is JSON.
 */
@ApplicationScoped
@ApplicationPath("/")
public class WebApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                SignInPages.class,
                DashboardPage.class,
                RegisterSearchPage.class,
                ReviewerPage.class,
                Appointments.class,
                PanelCheckPage.class,
                ProfilePages.class,
                ReviewPage.class,
                ScrDecisionForm.class,
                ClockForms.class,
                DocumentPages.class,
                BrowserApiToken.class,
                KeysPage.class,
                SendPage.class,
                OpenPage.class,
                GrantPage.class,
                ScriptsPage.class,
                RequestPages.class,
                ActionPages.class,
                TwoFactorSetupPages.class,
                AdministrationPage.class,
                OrganisationPages.class,
                AccountPages.class,
                org.lscb.server.web.report.ReportPages.class,
                org.lscb.server.web.library.LibraryPages.class,
                org.lscb.server.web.library.PublicationPage.class,
                org.lscb.server.web.library.PageUploadLengthFilter.class,
                CsrfFilter.class,
                PageExceptionMapper.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(
                "jersey.config.server.wadl.disableWadl",
                true,
                // a redirect's Location stays the path it was given ("/reviews/..."), whatever Host the request named
                "jersey.config.server.headers.location.relative.resolution.disabled",
                true,
                // multipart/form-data: the publication page's upload form
                "jersey.config.server.provider.classnames",
                "org.glassfish.jersey.media.multipart.MultiPartFeature");
    }
}
