package org.lscb.server.http.payara;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.lscb.server.error.ApiError;
import org.lscb.server.error.ErrorBodies;
import org.lscb.server.http.MalformedRequests;
import org.lscb.server.http.MalformedRequests.Refusal;
import org.lscb.server.http.SecurityHeaders;

/**
 * A Grizzly filter that sits in Payara's HTTP listener right after the HTTP parser and before the servlet
 * container. It screens each request's target and header block with {@link MalformedRequests}; a refused
 * request is answered here in the JSON error shape with the {@link SecurityHeaders}, and its connection
 * is closed once the answer is written, so none of its bytes reach the container. Everything else passes
 * untouched.
 */
final class MalformedRequestFilter extends BaseFilter {

    /** Request attribute holding this request's verdict, so that a body's later chunks are not screened again. */
    private static final String VERDICT = MalformedRequestFilter.class.getName() + ".verdict";

    private static final Object ACCEPTED = new Object();

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        Object verdict = request.getAttribute(VERDICT);
        if (verdict == null) {
            Optional<Refusal> refusal = screen(request);
            verdict = refusal.isPresent() ? refusal.get() : ACCEPTED;
            request.setAttribute(VERDICT, verdict);
            if (refusal.isPresent()) {
                answer(ctx, request, refusal.get());
            }
        }
        return verdict == ACCEPTED ? ctx.getInvokeAction() : ctx.getStopAction();
    }

    private static Optional<Refusal> screen(HttpRequestPacket request) {
        // ISO-8859-1 maps each byte of the request line to one char, so escapes and raw bytes are seen as sent
        String path = request.getRequestURIRef().getOriginalRequestURIBC().toString(StandardCharsets.ISO_8859_1);
        String query = request.getQueryStringDC().isNull()
                ? null
                : request.getQueryStringDC().toString(StandardCharsets.ISO_8859_1);
        MimeHeaders headers = request.getHeaders();
        int[] sizes = new int[headers.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = headers.getName(i).getLength() + headers.getValue(i).getLength();
        }
        return MalformedRequests.refusal(path, query, sizes);
    }

    private static void answer(FilterChainContext ctx, HttpRequestPacket request, Refusal refusal) {
        byte[] body = ErrorBodies.json(ApiError.of(refusal.error(), refusal.message()))
                .getBytes(StandardCharsets.UTF_8);
        HttpResponsePacket response = request.getResponse();
        response.setStatus(refusal.status());
        response.setReasonPhrase(reasonPhrase(refusal.status()));
        response.setContentType("application/json");
        response.setContentLength(body.length);
        SecurityHeaders.API.applyTo(response::setHeader);
        request.getProcessingState().setKeepAlive(false);
        ctx.write(HttpContent.builder(response)
                .content(Buffers.wrap(ctx.getMemoryManager(), body))
                .last(true)
                .build());
        // the rest of this request (its body, anything pipelined after it) is never read: close once written
        request.getProcessingState().getHttpContext().close();
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> "Bad Request";
        };
    }
}
