package org.lscb.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The second step of signing in: the one-time code, asked for when the server wants one, and setting up
 * two-factor sign-in when the server allows the password only for that (administrators and officers
 * without it yet). Codes come from {@code --otp}, {@code LSCB_OTP} or the terminal.
 */
final class TwoFactor {

    private TwoFactor() {}

    /** A full token for the user. */
    static String signIn(ServerApi anonymous, String user, char[] password, String otp, PrintWriter out) {
        try {
            JsonObject answer;
            try {
                answer = anonymous.signIn(user, password, otp == null ? environmentCode() : otp);
            } catch (ServerApi.OtpRequired needed) {
                String typed = prompt("One-time code for " + user + " (authenticator app, or a recovery code)");
                if (typed == null) {
                    throw needed;
                }
                answer = anonymous.signIn(user, password, typed);
            }
            if ("enrol_totp".equals(answer.getString("next", null))) {
                return enrol(answer.getString("access_token"), anonymous, user, out);
            }
            return answer.getString("access_token");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Sets up two-factor sign-in at the terminal: shows the secret, asks for the first code, shows the recovery codes once. */
    private static String enrol(String limitedToken, ServerApi anonymous, String user, PrintWriter out) {
        if (System.console() == null) {
            throw new ClientException(
                    user + " must set up two-factor sign-in before anything else: run 'lscb login' in a terminal"
                            + " (it shows the secret to add to an authenticator app) or use the web pages");
        }
        ServerApi limited = anonymous.withToken(limitedToken);
        JsonObject started = limited.post(
                        "/api/v1/auth/totp", "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .asJsonObject();
        out.println("Two-factor sign-in must be set up for " + user + ". Add this to your authenticator app:");
        out.println("  " + started.getString("otpauthUri"));
        out.println("  (or type the secret " + started.getString("secret") + ")");
        String first = prompt("The code the app shows now");
        if (first == null) {
            throw new ClientException("no code given: two-factor sign-in is not set up yet");
        }
        JsonObject confirmed = limited.post(
                        "/api/v1/auth/totp/confirm",
                        "application/json",
                        Json.createObjectBuilder()
                                .add("otp", first)
                                .build()
                                .toString()
                                .getBytes(StandardCharsets.UTF_8))
                .asJsonObject();
        out.println(
                "Recovery codes (each works once if you lose the phone; keep them somewhere safe, they are not shown again):");
        confirmed
                .getJsonArray("recoveryCodes")
                .getValuesAs(jakarta.json.JsonString.class)
                .forEach(c -> out.println("  " + c.getString()));
        return confirmed.getString("access_token");
    }

    private static String environmentCode() {
        String env = System.getenv("LSCB_OTP");
        return env == null || env.isBlank() ? null : env.strip();
    }

    private static String prompt(String what) {
        if (System.console() == null) {
            return null;
        }
        String typed = System.console().readLine("%s: ", what);
        return typed == null || typed.isBlank() ? null : typed.strip();
    }
}
