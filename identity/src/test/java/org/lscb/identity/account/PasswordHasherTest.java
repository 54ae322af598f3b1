package org.lscb.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

    @Test
    void hash_verifiesWithTheSamePassword() {
        String phc = hasher.hash("correct horse battery".toCharArray());

        assertThat(hasher.verify("correct horse battery".toCharArray(), phc)).isTrue();
    }

    @Test
    void hash_refusesAnotherPassword() {
        String phc = hasher.hash("correct horse battery".toCharArray());

        assertThat(hasher.verify("correct horse batterY".toCharArray(), phc)).isFalse();
    }

    @Test
    void hash_isArgon2idInPhcFormWithASaltOfItsOwn() {
        String a = hasher.hash("same".toCharArray());
        String b = hasher.hash("same".toCharArray());

        assertThat(a).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void standardParameters_areOwaspMinimum() {
        assertThat(PasswordHasher.standard().hash("x".toCharArray())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void knownAnswer_fromTheReferenceImplementation() {
        // Debian's argon2 CLI: echo -n password | argon2 somesaltsomesalt -id -m 10 -t 2 -p 1 -l 32 -e
        String reference =
                "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CKGe5/bX9YnCq2rxjW5yQXKxn31v1GKzhDCrMc6r6vA";

        assertThat(hasher.verify("password".toCharArray(), reference)).isTrue();
        assertThat(hasher.verify("Password".toCharArray(), reference)).isFalse();
    }

    @Test
    void malformedOrTamperedHash_neverVerifies() {
        String phc = hasher.hash("pw".toCharArray());
        String tampered = phc.substring(0, phc.length() - 2) + (phc.endsWith("AA") ? "BB" : "AA");

        assertThat(hasher.verify("pw".toCharArray(), tampered)).isFalse();
        assertThat(hasher.verify("pw".toCharArray(), "$argon2i$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA"))
                .isFalse();
        assertThat(hasher.verify("pw".toCharArray(), "")).isFalse();
        assertThat(hasher.verify("pw".toCharArray(), null)).isFalse();
    }
}
