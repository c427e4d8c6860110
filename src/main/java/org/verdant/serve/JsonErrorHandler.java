package org.verdant.serve;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.verdant.text.Text;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own errors (a bad URI, a URI or headers too long, a bad Content-Length), answered before
 * any route runs, in the service's documented shape {@code {"error", "message"}} with
 * {@code nosniff}, rather than Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String lang = ServeLang.fromAcceptLanguage(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Api.JSON);
        response.getHeaders().put(NOSNIFF);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(code, lang).getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Api.JSON);
        fields.put(NOSNIFF);
        return ByteBuffer.wrap(body(status, "zh").getBytes(StandardCharsets.UTF_8));
    }

    private static final HttpField NOSNIFF = new HttpField("X-Content-Type-Options", "nosniff");

    static String body(int status, String lang) {
        return ApiJson.error(exception(status), lang);
    }

    /** Jetty's reason as an {@code error} code and a sentence; its own text (which may echo the request) is not repeated. */
    static ApiException exception(int status) {
        return switch (status) {
            case 400 -> new ApiException(400, "bad_request", new Text("请求格式错误（请求行、URI、头部或 Content-Length 无效）",
                    "malformed request (bad request line, URI, header or Content-Length)"));
            case 408 -> new ApiException(408, "request_timeout", new Text("请求未在限定时间内送达", "the request did not arrive in time"));
            case 413 -> SubmissionRequest.tooLarge();
            case 414 -> new ApiException(414, "uri_too_long", new Text("请求的 URI 过长", "the request URI is too long"));
            case 431 -> new ApiException(431, "headers_too_large", new Text("请求头过大", "the request headers are too large"));
            case 404 -> ApiException.notFound("没有这个接口", "no such endpoint");
            default -> new ApiException(status, "http_" + status, new Text("HTTP " + status, "HTTP " + status));
        };
    }
}
