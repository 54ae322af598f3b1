package org.lscb.envelope.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds what a CMS parser may read without its content moving on. Bouncy Castle's streaming parsers
 * stream the content but load every other field whole: an AuthEnvelopedData's {@code mac} and
 * {@code authAttrs}, a SignedData's certificates, CRLs and SignerInfos. Content is unbounded (a
 * document may be gigabytes), so a cap on the whole stream cannot help; instead this stream charges
 * every byte read through it and refuses to go on once more than the allowance has been read since
 * content last came out of {@link #content}. A field of a gigabyte then fails after a megabyte instead
 * of filling the heap, while content of any size, with its chunk headers, flows freely.
 */
public final class NonContentLimit extends ChargedStream {

    /** An envelope's header: its recipients (as {@link HeaderLimit#MAX_HEADER}). */
    public static final long MAX_ENVELOPE_HEADER = HeaderLimit.MAX_HEADER;
    /**
     * Between two pieces of an envelope's content, and after it: its 16-byte mac and end-of-contents octets. The
     * decryption gathers 256 KiB of ciphertext before it hands out plaintext, so this leaves room for that with chunk
     * headers as small as BER allows.
     */
    public static final long MAX_ENVELOPE_OUTSIDE_CONTENT = 1L << 20;
    /**
     * Around a signed document: the SignedData's header, then its certificates, CRLs and SignerInfos together (one
     * author's certificate and signature are a few KiB). Parsed into ASN.1 objects these take several times their size.
     */
    public static final long MAX_SIGNED_DATA_OUTSIDE_CONTENT = 1L << 20;

    private final long between;
    private final String what;
    /** The allowance last granted, for the refusal's message. */
    private long granted;

    private long allowance;

    /**
     * @param first   how much may be read before content first moves, or {@link #headerRead()} is called
     * @param between how much may be read after that without content moving
     * @param what    names the structure in the refusal, e.g. "the envelope"
     */
    public NonContentLimit(InputStream in, long first, long between, String what) {
        super(in);
        this.granted = first;
        this.allowance = first;
        this.between = between;
        this.what = what;
    }

    /** The envelope as it is read: its header first, then its encrypted content, mac and trailing octets. */
    public static NonContentLimit envelope(InputStream in) {
        return new NonContentLimit(in, MAX_ENVELOPE_HEADER, MAX_ENVELOPE_OUTSIDE_CONTENT, "the envelope");
    }

    /** The author's SignedData, decrypted. */
    public static NonContentLimit signedData(InputStream in) {
        return new NonContentLimit(
                in, MAX_SIGNED_DATA_OUTSIDE_CONTENT, MAX_SIGNED_DATA_OUTSIDE_CONTENT, "the signed document");
    }

    /**
     * The header (an envelope's recipients) has been read: from now on what may be read outside the content is the
     * smaller allowance, also before content first comes out (a short document's mac is read before any of it does).
     */
    public void headerRead() {
        renew();
    }

    /**
     * Wraps the stream the content comes out of: every byte it delivers renews the allowance. Each read asks for at
     * most a quarter of the allowance, since the parser reads all the chunks a read asks for, with their headers,
     * before any of it is delivered: one large read must not look like a large field.
     */
    public InputStream content(InputStream content) {
        int slice = (int) Math.max(1, Math.min(Integer.MAX_VALUE, between / 4));
        return new java.io.FilterInputStream(content) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    renew();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, Math.min(len, slice));
                if (n > 0) {
                    renew();
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long k = super.skip(Math.min(n, slice));
                if (k > 0) {
                    renew();
                }
                return k;
            }
        };
    }

    private void renew() {
        granted = between;
        allowance = between;
    }

    @Override
    void charge(long n) throws IOException {
        allowance -= n;
        if (allowance < 0) {
            throw new IOException(
                    what + " holds more than " + granted + " bytes outside its content (fields such as a mac,"
                            + " attributes, certificates or signer infos are read whole, so they are bounded)");
        }
    }
}
