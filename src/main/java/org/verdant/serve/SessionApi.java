package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.verdant.access.Access;
import org.verdant.access.Actor;
import org.verdant.access.Role;
import org.verdant.accounts.AccessEntry;
import org.verdant.accounts.Accounts;
import org.verdant.accounts.SignInLimits;
import org.verdant.text.Json;
import org.verdant.text.Text;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Signing in and out of the page, who is signed in, and the access log:
 * <pre>
 * POST   /api/session        {"name", "password"} → the account, its CSRF token; sets the session cookie
 * GET    /api/session        who is signed in (the local operator in the local mode)
 * DELETE /api/session        signs out
 * POST   /api/session/password {"old", "new"} → one's own password changed; an administrator {"name", "new"} resets another's
 * GET    /api/access-log     the newest lines of the access log (regulators and administrators)
 * </pre>
 */
final class SessionApi {
    static final String FORMAT = "verdant.session/1";
    private static final int MAX_LOG_LINES = 1000;
    /** Checking a password is deliberately slow (bcrypt): two at a time, so sign-in attempts cannot take every core. */
    private final Semaphore checking = new Semaphore(2, true);
    /** Null in the local single-user mode: nobody signs in. */
    private final Accounts accounts;
    private final Accounts accessLog;
    private final Gate gate;
    /** Failed sign-ins per account name and per address: the lockout. */
    private final SignInLimits limits;

    SessionApi(Accounts accounts, Accounts accessLog, Gate gate) {
        // kept in the archive (V10) so a restart does not forgive the failures counted before it
        this(accounts, accessLog, gate, accounts == null ? new SignInLimits() : new SignInLimits(java.time.Clock.systemUTC(), accounts));
    }

    SessionApi(Accounts accounts, Accounts accessLog, Gate gate, SignInLimits limits) {
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.gate = gate;
        this.limits = limits;
    }

    /** GET /api/schemes, with whether and where this request signs in, so the page can say so before anything fails. */
    void schemes(Context ctx, String schemesJson) throws IOException {
        ObjectNode root = (ObjectNode) Json.READER.readTree(schemesJson);
        ObjectNode service = root.has("service") ? (ObjectNode) root.get("service") : root.putObject("service");
        ObjectNode signIn = service.putObject("sign_in");
        Actor actor = Actors.of(ctx);
        signIn.put("mode", mode());
        signIn.put("signed_in", actor != Gate.ANONYMOUS);
        if (actor == Gate.ANONYMOUS) signIn.putNull("account"); else signIn.put("account", actor.id());
        signIn.put("page", "/login.html");
        Api.json(ctx, 200, ApiJson.write(root));
    }

    /** accounts (people sign in), local (the one local operator) or closed (no account yet and not local: nobody gets in). */
    private String mode() {
        if (gate.localMode()) return "local";
        return accounts != null && accounts.any() ? "accounts" : "closed";
    }

    void signIn(Context ctx) throws Exception {
        if (accounts == null) {
            throw new ApiException(409, "local_mode", new Text("本服务器以本地单用户模式运行，无需登录",
                    "this server runs in the local single-user mode: there is nothing to sign in to"));
        }
        JsonNode body;
        try {
            body = Json.READER.readTree(ctx.bodyInputStream().readNBytes(16 * 1024));
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.path("name").isTextual() || !body.path("password").isTextual()) {
            throw ApiException.badRequest("登录请求须为 JSON：{\"name\": 账户名, \"password\": 密码}", "a sign-in is JSON: {\"name\": NAME, \"password\": PASSWORD}");
        }
        String name = body.path("name").asText();
        refuseWhileLocked(ctx, name, "SIGN_IN", "POST /api/session");
        Optional<Accounts.Session> session;
        if (!checking.tryAcquire(10, TimeUnit.SECONDS)) throw busy();
        try {
            session = accounts.signIn(name, body.path("password").asText().toCharArray());
        } finally {
            checking.release();
        }
        if (session.isEmpty()) {
            limits.failed(name, ctx.ip());
            accounts.log(Api.clip(name), "SIGN_IN", "POST /api/session", null, null, "denied");
            throw new ApiException(401, "sign_in_failed", new Text("账户名或密码不正确", "the name or the password is not right"));
        }
        limits.succeeded(name);
        Accounts.Session s = session.get();
        accounts.log(s.actor().id(), "SIGN_IN", "POST /api/session", null, null, "ok");
        setCookies(ctx, s);
        Api.json(ctx, 200, ApiJson.write(who(s.actor(), "accounts").put("csrf_token", s.csrfToken())));
    }

    /**
     * POST /api/session/password: {"old", "new"} changes one's own password (the old one checked,
     * failures counted like sign-ins); an administrator sends {"name", "new"} to reset another's.
     * Every session of the account ends; a browser changing its own gets a new session at once.
     */
    void changePassword(Context ctx) throws Exception {
        if (accounts == null) throw localMode();
        Actor actor = Actors.of(ctx);
        if (actor == Gate.ANONYMOUS) throw Gate.unauthenticated(false);
        JsonNode body = jsonBody(ctx);
        if (body == null || !body.path("new").isTextual()) {
            throw ApiException.badRequest("修改密码的请求须为 JSON：{\"old\": 原密码, \"new\": 新密码}（管理员重设他人密码：{\"name\": 账户名, \"new\": 新密码}）",
                    "a password change is JSON: {\"old\": OLD, \"new\": NEW} (an administrator resetting another's: {\"name\": NAME, \"new\": NEW})");
        }
        String name = body.path("name").isTextual() ? body.path("name").asText() : actor.id();
        String what = "POST /api/session/password";
        char[] fresh = body.path("new").asText().toCharArray();
        if (!name.equals(actor.id())) {
            try {
                Access.require(actor, Access.Action.MANAGE_USERS, null);
            } catch (org.verdant.fault.Fault f) {
                accessLog.log(actor.id(), "PASSWORD", what + " " + Api.clip(name), null, null, "denied");
                throw f;
            }
            int revoked = accounts.setPassword(name, fresh);
            accessLog.log(actor.id(), "PASSWORD", what + " " + Api.clip(name), null, null, "ok");
            Api.json(ctx, 200, ApiJson.write(changed(name, revoked, ctx)));
            return;
        }
        refuseWhileLocked(ctx, name, "PASSWORD", what);
        if (!body.path("old").isTextual()) throw ApiException.badRequest("请给出原密码：\"old\"", "give the current password: \"old\"");
        boolean right;
        if (!checking.tryAcquire(10, TimeUnit.SECONDS)) throw busy();
        try {
            right = accounts.passwordMatches(name, body.path("old").asText().toCharArray());
        } finally {
            checking.release();
        }
        if (!right) {
            limits.failed(name, ctx.ip());
            accessLog.log(actor.id(), "PASSWORD", what, null, null, "denied");
            throw new ApiException(403, "wrong_password", new Text("原密码不正确", "the current password is not right"));
        }
        int revoked = accounts.setPassword(name, fresh);
        accessLog.log(actor.id(), "PASSWORD", what, null, null, "ok");
        if (ctx.cookie(Gate.SESSION_COOKIE) != null) {
            // this browser stays signed in, on a new session; every other one (and the old cookie) is ended
            Accounts.Session s = accounts.startSession(name);
            setCookies(ctx, s);
            ObjectNode answer = who(s.actor(), "accounts").put("csrf_token", s.csrfToken());
            answer.setAll(changed(name, revoked, ctx));
            Api.json(ctx, 200, ApiJson.write(answer));
            return;
        }
        Api.json(ctx, 200, ApiJson.write(changed(name, revoked, ctx)));
    }

    /** What a password change did, in words: the sessions ended and how many API tokens were revoked with them. */
    private static ObjectNode changed(String name, int revoked, Context ctx) {
        ObjectNode o = ApiJson.NODES.objectNode();
        o.put("password_changed", name);
        o.put("tokens_revoked", revoked);
        Text words = new Text("账户 " + name + " 的密码已更改；其全部登录会话已结束，" + revoked + " 个 API 令牌已吊销（需要时用 users token 重新生成）",
                "the password of account " + name + " is changed; all its sessions are ended and " + revoked
                        + " API token(s) revoked (make new ones with users token if needed)");
        o.put("message", words.in(ServeLang.of(ctx)));
        return o;
    }

    /** 429 with Retry-After while the account name or the address is locked out, logged. */
    private void refuseWhileLocked(Context ctx, String name, String action, String what) throws ApiException {
        Optional<java.time.Duration> wait = limits.retryAfter(name, ctx.ip());
        if (wait.isEmpty()) return;
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        long minutes = (seconds + 59) / 60;
        accessLog.log(Api.clip(name), action, what, null, null, "locked");
        ctx.header("Retry-After", String.valueOf(seconds));
        throw new ApiException(429, "locked_out", new Text("登录失败次数过多，已暂时锁定：请在 " + minutes + " 分钟（" + seconds + " 秒）后再试",
                "too many failed sign-ins: locked for now; try again in " + minutes + " minute(s) (" + seconds + " s)"));
    }

    private void setCookies(Context ctx, Accounts.Session s) {
        String secure = gate.secure(ctx) ? "; Secure" : "";
        long maxAge = Accounts.SESSION_LIFETIME.toSeconds();
        ctx.res().addHeader("Set-Cookie", Gate.SESSION_COOKIE + "=" + s.id() + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict" + secure);
        // the page reads this one and sends it back as X-CSRF-Token (double submit); a page elsewhere can neither read nor send it
        ctx.res().addHeader("Set-Cookie", Gate.CSRF_COOKIE + "=" + s.csrfToken() + "; Path=/; Max-Age=" + maxAge + "; SameSite=Strict" + secure);
    }

    private static JsonNode jsonBody(Context ctx) {
        try {
            return Json.READER.readTree(ctx.bodyInputStream().readNBytes(16 * 1024));
        } catch (IOException e) {
            return null;
        }
    }

    private static ApiException localMode() {
        return new ApiException(409, "local_mode", new Text("本服务器以本地单用户模式运行，无需登录",
                "this server runs in the local single-user mode: there is nothing to sign in to"));
    }

    void whoAmI(Context ctx) throws ApiException {
        Actor actor = Actors.of(ctx);
        if (actor == Gate.ANONYMOUS) throw Gate.unauthenticated(false);
        Api.json(ctx, 200, ApiJson.write(who(actor, mode())));
    }

    void signOut(Context ctx) {
        if (accounts != null) {
            accounts.signOut(ctx.cookie(Gate.SESSION_COOKIE));
            accounts.log(Actors.of(ctx).id(), "SIGN_OUT", "DELETE /api/session", null, null, "ok");
        }
        String secure = gate.secure(ctx) ? "; Secure" : "";
        ctx.res().addHeader("Set-Cookie", Gate.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + secure);
        ctx.res().addHeader("Set-Cookie", Gate.CSRF_COOKIE + "=; Path=/; Max-Age=0; SameSite=Strict" + secure);
        ctx.status(204);
    }

    /** GET /api/access-log?limit=N: for those who oversee (a regulator reads everything) or manage accounts. */
    void accessLog(Context ctx) throws Exception {
        Actor actor = Actors.of(ctx);
        if (!Access.allows(actor, Access.Action.READ, null)) Access.require(actor, Access.Action.MANAGE_USERS, null);
        int limit = 200;
        String given = ctx.queryParam("limit");
        if (given != null && !given.isBlank()) {
            if (!given.matches("[0-9]{1,4}") || Integer.parseInt(given) < 1 || Integer.parseInt(given) > MAX_LOG_LINES) {
                throw ApiException.badRequest("limit：1 至 " + MAX_LOG_LINES, "limit: 1 to " + MAX_LOG_LINES);
            }
            limit = Integer.parseInt(given);
        }
        ObjectNode root = ApiJson.NODES.objectNode();
        root.put("format", "verdant.access-log/1");
        ArrayNode lines = root.putArray("entries");
        for (AccessEntry e : accessLog.accessLog(limit)) {
            ObjectNode o = lines.addObject();
            o.put("id", e.id());
            o.put("at", e.at());
            o.put("actor", e.actor());
            o.put("action", e.action());
            o.put("what", e.what());
            if (e.recordId() == null) o.putNull("record_id"); else o.put("record_id", e.recordId());
            o.put("credit_code", e.creditCode());
            o.put("outcome", e.outcome());
        }
        Api.json(ctx, 200, ApiJson.write(root));
    }

    private static ObjectNode who(Actor actor, String mode) {
        ObjectNode root = ApiJson.NODES.objectNode();
        root.put("format", FORMAT);
        root.put("mode", mode);
        root.put("account", actor.id());
        ArrayNode roles = root.putArray("roles");
        actor.roles().stream().map(Role::name).sorted().forEach(r -> roles.add(r.toLowerCase(Locale.ROOT)));
        ArrayNode codes = root.putArray("credit_codes");
        actor.creditCodes().stream().sorted().forEach(codes::add);
        return root;
    }

    private static ApiException busy() {
        return new ApiException(503, "busy", new Text("登录请求过多，请稍后再试", "too many sign-ins at once; try again shortly"));
    }
}
