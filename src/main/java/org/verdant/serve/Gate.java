package org.verdant.serve;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.verdant.access.Actor;
import org.verdant.accounts.Accounts;
import org.verdant.text.Text;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What every request passes before a route runs: its {@code Host} names this server (so a page
 * whose name was re-pointed at this machine, DNS rebinding, reads nothing), a write comes from
 * this server's own page or from a script (never a page elsewhere: foreign {@code Origin},
 * {@code Sec-Fetch-Site: cross-site}, or a body type a form can send), and, with accounts, who
 * is asking: a bearer API token, or a session cookie whose writes carry its CSRF token. The actor
 * found is put on the request ({@link Actors#set}); routes decide with
 * {@link org.verdant.access.Access}.
 */
final class Gate {
    static final String SESSION_COOKIE = "verdant_session";
    static final String CSRF_COOKIE = "verdant_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Someone not signed in, on the few routes open to everyone: Access allows them nothing. */
    static final Actor ANONYMOUS = new Actor("anonymous", Set.of(), Set.of());
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    /** The pages and reference data, which hold no company's figures. */
    private static final Set<String> OPEN_GETS = Set.of("/", "/index.html", "/app.js", "/app.css", "/favicon.svg", "/login.html", "/login.js",
            "/session.js", "/api/schemes", "/api/messages", "/api/session");
    /** What a form or a simple cross-site request can send without the browser asking first. */
    private static final Set<String> FORM_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");

    private final Accounts accounts;
    private final boolean local;
    private final boolean anyHost;
    private final Set<String> hostNames;
    private final Set<String> extraHosts;
    private final boolean behindProxy;

    /**
     * @param accounts   the accounts to sign in with, or null (nobody signs in)
     * @param local      the local single-user mode, asked for explicitly: the only way to the local operator
     * @param boundHost  the address listened on: its name (and the loopback names) are the Hosts accepted with the server's port
     * @param extraHosts further names (with any port) a reverse proxy forwards as {@code Host}
     * @param behindProxy trust {@code X-Forwarded-Proto} from the proxy in front (for {@code Secure} cookies and the Origin check)
     */
    Gate(Accounts accounts, boolean local, String boundHost, List<String> extraHosts, boolean behindProxy) {
        this.accounts = accounts;
        this.local = local;
        String bound = boundHost.contains(":") && !boundHost.startsWith("[") ? "[" + boundHost + "]" : boundHost;
        this.anyHost = bound.equals("0.0.0.0") || bound.equals("[::]");
        this.hostNames = new HashSet<>(LOOPBACK_NAMES);
        hostNames.add(bound.toLowerCase(Locale.ROOT));
        this.extraHosts = new HashSet<>();
        for (String h : extraHosts) this.extraHosts.add(h.toLowerCase(Locale.ROOT));
        this.behindProxy = behindProxy;
    }

    boolean accountsMode() {
        return accounts != null;
    }

    boolean localMode() {
        return local;
    }

    void check(Context ctx) throws ApiException {
        checkHost(ctx);
        boolean write = !safe(ctx.method());
        if (write) checkSameOrigin(ctx);
        if (local) {
            Actors.set(ctx, Actor.localOperator());
            return;
        }
        if (accounts == null) {
            // neither accounts nor the local mode: the page and reference data, nothing else
            if (!open(ctx) || signingIn(ctx)) throw noAccounts();
            Actors.set(ctx, ANONYMOUS);
            return;
        }
        Actors.set(ctx, authenticated(ctx, write));
    }

    /** Whether the answer goes back over TLS (directly, or via a proxy that says so). */
    boolean secure(Context ctx) {
        if (ctx.req().isSecure()) return true;
        return behindProxy && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private void checkHost(Context ctx) throws ApiException {
        String host = ctx.header("Host");
        if (host != null && hostAllowed(host.strip().toLowerCase(Locale.ROOT), ctx.req().getLocalPort())) return;
        String shown = host == null ? "" : Api.clip(host);
        throw new ApiException(421, "misdirected_host", new Text("请求的 Host“" + shown + "”不是本服务器的地址；请用启动时显示的地址访问"
                + "（反向代理转发的主机名用 --allowed-host 声明）",
                "the request's Host '" + shown + "' is not this server's address; use the address it printed when it started "
                        + "(name a reverse proxy's host with --allowed-host)"));
    }

    boolean hostAllowed(String host, int port) {
        String name = host;
        String givenPort = null;
        int close = host.lastIndexOf(']');
        int colon = host.lastIndexOf(':');
        if (colon > close) {
            name = host.substring(0, colon);
            givenPort = host.substring(colon + 1);
        }
        if (extraHosts.contains(name) || extraHosts.contains(host)) return true;
        if (!String.valueOf(port).equals(givenPort)) return false;
        return anyHost || hostNames.contains(name);
    }

    private void checkSameOrigin(Context ctx) throws ApiException {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null) {
            if (!sameAuthority(origin, host)) throw crossOrigin(origin);
        } else if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site")) || "same-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
            throw crossOrigin(ctx.header("Sec-Fetch-Site"));
        }
        String type = ctx.header("Content-Type");
        if (type != null) {
            String media = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (FORM_TYPES.contains(media) && !(media.equals("multipart/form-data") && scriptedUpload(ctx, origin))) {
                throw new ApiException(415, "unsupported_media_type", new Text("写操作不接受 Content-Type " + Api.clip(media)
                        + "（网页表单可以跨站发送这种类型）：申报材料请以 application/yaml 或 application/json 发送",
                        "a write does not accept Content-Type " + Api.clip(media) + " (a form on any site can send it): send a submission "
                                + "as application/yaml or application/json"));
            }
        }
    }

    /**
     * An evidence upload as multipart/form-data from this server's own page or a script: a form on
     * another site can send the type, but not with this server's Origin (checked above), a
     * same-origin Sec-Fetch-Site, or an Authorization header.
     */
    private static boolean scriptedUpload(Context ctx, String origin) {
        return ctx.path().equals("/api/evidence") && (origin != null || "same-origin".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))
                || ctx.header("Authorization") != null);
    }

    private static boolean sameAuthority(String origin, String host) {
        if (host == null) return false;
        try {
            URI u = new URI(origin.strip());
            String authority = u.getRawAuthority();
            if (authority == null || u.getScheme() == null) return false;
            return authority.equalsIgnoreCase(host.strip());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static ApiException crossOrigin(String from) {
        String shown = Api.clip(String.valueOf(from));
        return new ApiException(403, "cross_origin", new Text("拒绝来自其他网站（" + shown + "）的写请求：只有本服务器的网页和脚本可以写入",
                "a write from another site (" + shown + ") is refused: only this server's own page and scripts may write"));
    }

    private Actor authenticated(Context ctx, boolean write) throws ApiException {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : "";
            Optional<Actor> actor = accounts.byToken(token);
            if (actor.isEmpty()) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"verdant\"");
                throw new ApiException(401, "unauthorized", new Text("API 令牌无效（用 verdant users token 名称 生成一个）",
                        "the API token is not valid (make one with verdant users token NAME)"));
            }
            return actor.get();
        }
        String sessionId = ctx.cookie(SESSION_COOKIE);
        if (sessionId != null) {
            Optional<Accounts.Session> session = accounts.session(sessionId);
            if (session.isPresent()) {
                if (write && !csrfMatches(ctx.header(CSRF_HEADER), session.get().csrfToken()) && !signingIn(ctx)) {
                    throw new ApiException(403, "csrf", new Text("写请求缺少或带错了 " + CSRF_HEADER + " 头（请在本服务器的网页上操作，或重新登录）",
                            "the write's " + CSRF_HEADER + " header is missing or wrong (use this server's page, or sign in again)"));
                }
                return session.get().actor();
            }
        }
        if (open(ctx)) return ANONYMOUS;
        throw unauthenticated(sessionId != null);
    }

    static ApiException unauthenticated(boolean expired) {
        return new ApiException(401, "unauthenticated", expired
                ? new Text("登录已过期，请重新登录（/login.html）", "the sign-in has expired; sign in again (/login.html)")
                : new Text("本服务器需要登录：在网页上登录（/login.html），脚本请发送 Authorization: Bearer 令牌",
                "this server needs you to sign in: sign in on the page (/login.html); a script sends Authorization: Bearer TOKEN"));
    }

    private static ApiException noAccounts() {
        return new ApiException(401, "unauthenticated", new Text("本服务器没有账户，无人可以登录：请用 verdant users add 建立账户，"
                + "或以 --local 启动本机单用户模式", "this server has no accounts, so nobody can sign in: add one with verdant users add, "
                + "or start it with --local for one person on this machine"));
    }

    private static boolean csrfMatches(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean open(Context ctx) {
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
            String path = ctx.path();
            return OPEN_GETS.contains(path) || path.startsWith("/api/templates/")
                    || (path.lastIndexOf('/') == 0 && WebAssets.isPageFile(path.substring(1)));
        }
        return signingIn(ctx);
    }

    /** Signing in is a write anyone may try (its Origin is checked like every write's). */
    private static boolean signingIn(Context ctx) {
        return ctx.method() == HandlerType.POST && ctx.path().equals("/api/session");
    }

    private static boolean safe(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS;
    }
}
