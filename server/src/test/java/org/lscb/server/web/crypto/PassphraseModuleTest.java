package org.lscb.server.web.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lscb.server.web.crypto.ModuleBrowser.bytes;
import static org.lscb.server.web.crypto.ModuleBrowser.bytesOf;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * passphrase.js, the key backup kept on the server: it opens with its passphrase and certificate only, and
 * its form is the one stated (PBKDF2-HMAC-SHA256 with the stated salt and count, then AES-256-GCM with the
 * certificate's SHA-256 as additional data), proved by the JDK opening what the browser sealed and the other
 * way round.
 */
@ExtendWith(ModuleBrowser.class)
class PassphraseModuleTest {

    private static final String PASSPHRASE = "a long passphrase for the backup";

    private static byte[] pkcs8;
    private static byte[] certificate;

    @BeforeAll
    static void aKey() throws Exception {
        KeyPair pair = KeyFixtures.pair("EC");
        pkcs8 = pair.getPrivate().getEncoded();
        certificate = KeyFixtures.selfSigned(pair, "Backup Person").getEncoded();
    }

    private static Map<String, Object> wrap(ModuleBrowser browser) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("privateKey", bytes(pkcs8));
        input.put("certificate", bytes(certificate));
        input.put("passphrase", PASSPHRASE);
        @SuppressWarnings("unchecked")
        Map<String, Object> backup = (Map<String, Object>) browser.call("passphrase.js", "wrapKey", input);
        return new LinkedHashMap<>(backup);
    }

    @Test
    void a_backup_opens_with_its_passphrase_to_the_same_key_and_certificate(ModuleBrowser browser) {
        Map<String, Object> backup = wrap(browser);
        assertThat(backup)
                .containsEntry("format", "lscb-key-backup-1")
                .containsEntry("kdf", "PBKDF2-SHA256")
                .containsEntry("iterations", 600_000L);
        Map<?, ?> opened = (Map<?, ?>) browser.call("passphrase.js", "unwrapKey", backup, PASSPHRASE);
        assertThat(bytesOf(opened.get("privateKey"))).isEqualTo(pkcs8);
        assertThat(bytesOf(opened.get("certificate"))).isEqualTo(certificate);
    }

    /** The JDK's PBKDF2WithHmacSHA256 with the backup's salt and count gives the key that opens it. */
    @Test
    void the_jdk_opens_what_the_browser_sealed_with_pbkdf2_sha256_and_aes_gcm(ModuleBrowser browser) throws Exception {
        Map<String, Object> backup = wrap(browser);
        byte[] salt = Base64.getDecoder().decode((String) backup.get("salt"));
        byte[] nonce = Base64.getDecoder().decode((String) backup.get("nonce"));
        assertThat(salt).hasSize(16);
        assertThat(nonce).hasSize(12);
        assertThat(Base64.getDecoder().decode((String) backup.get("certificate")))
                .isEqualTo(certificate);

        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(
                Cipher.DECRYPT_MODE,
                jdkKey(salt, ((Number) backup.get("iterations")).intValue()),
                new GCMParameterSpec(128, nonce));
        gcm.updateAAD(MessageDigest.getInstance("SHA-256").digest(certificate));
        assertThat(gcm.doFinal(Base64.getDecoder().decode((String) backup.get("ciphertext"))))
                .isEqualTo(pkcs8);
    }

    @Test
    void the_browser_opens_a_backup_the_jdk_sealed_in_the_stated_form(ModuleBrowser browser) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, jdkKey(salt, 700_000), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(MessageDigest.getInstance("SHA-256").digest(certificate));
        Map<String, Object> backup = new LinkedHashMap<>();
        backup.put("format", "lscb-key-backup-1");
        backup.put("kdf", "PBKDF2-SHA256");
        backup.put("iterations", 700_000);
        backup.put("salt", Base64.getEncoder().encodeToString(salt));
        backup.put("nonce", Base64.getEncoder().encodeToString(nonce));
        backup.put("ciphertext", Base64.getEncoder().encodeToString(gcm.doFinal(pkcs8)));
        backup.put("certificate", Base64.getEncoder().encodeToString(certificate));

        Map<?, ?> opened = (Map<?, ?>) browser.call("passphrase.js", "unwrapKey", backup, PASSPHRASE);
        assertThat(bytesOf(opened.get("privateKey"))).isEqualTo(pkcs8);
    }

    /** Each refused backup, and the words of its BackupError. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "wrong passphrase | The passphrase is not right for this backup",
                "one ciphertext bit flipped | The passphrase is not right for this backup",
                "another certificate | The passphrase is not right for this backup",
                "599,999 iterations | A key backup uses between 600,000 and 10,000,000 PBKDF2 iterations, not 599999",
                "20,000,000 iterations | A key backup uses between 600,000 and 10,000,000 PBKDF2 iterations, not 20000000",
                "another format | This is not a key backup of the form lscb-key-backup-1",
                "a short nonce | The backup's nonce must be 12 bytes",
            })
    void a_backup_that_is_not_right_is_refused(String change, String words, ModuleBrowser browser) throws Exception {
        Map<String, Object> backup = wrap(browser);
        String passphrase = PASSPHRASE;
        switch (change) {
            case "wrong passphrase" -> passphrase = PASSPHRASE + " ";
            case "one ciphertext bit flipped" -> {
                byte[] c = Base64.getDecoder().decode((String) backup.get("ciphertext"));
                c[10] ^= 0x01;
                backup.put("ciphertext", Base64.getEncoder().encodeToString(c));
            }
            case "another certificate" ->
                backup.put(
                        "certificate",
                        Base64.getEncoder()
                                .encodeToString(KeyFixtures.selfSigned(KeyFixtures.pair("EC"), "Other")
                                        .getEncoded()));
            case "599,999 iterations" -> backup.put("iterations", 599_999);
            case "20,000,000 iterations" -> backup.put("iterations", 20_000_000);
            case "another format" -> backup.put("format", "lscb-key-backup-0");
            case "a short nonce" -> backup.put("nonce", Base64.getEncoder().encodeToString(new byte[8]));
            default -> throw new IllegalArgumentException(change);
        }
        String p = passphrase;
        assertThatThrownBy(() -> browser.call("passphrase.js", "unwrapKey", backup, p))
                .isInstanceOfSatisfying(ModuleBrowser.ScriptError.class, e -> {
                    assertThat(e.name()).isEqualTo("BackupError");
                    assertThat(e.text()).startsWith(words);
                });
    }

    @Test
    void a_backup_with_fewer_than_600000_iterations_is_not_made(ModuleBrowser browser) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("privateKey", bytes(pkcs8));
        input.put("certificate", bytes(certificate));
        input.put("passphrase", PASSPHRASE);
        input.put("iterations", 100_000);
        assertThatThrownBy(() -> browser.call("passphrase.js", "wrapKey", input))
                .isInstanceOfSatisfying(
                        ModuleBrowser.ScriptError.class,
                        e -> assertThat(e.text()).contains("between 600,000 and 10,000,000"));
    }

    private static SecretKeySpec jdkKey(byte[] salt, int iterations) throws Exception {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PASSPHRASE.toCharArray(), salt, iterations, 256))
                .getEncoded();
        return new SecretKeySpec(key, "AES");
    }
}
