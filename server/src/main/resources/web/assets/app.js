// Progressive enhancement only: every page works without this file.
// GOV.UK Frontend's components start when the body says the browser supports them; the template's
// usual inline script that says so is not allowed by this service's Content-Security-Policy.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
