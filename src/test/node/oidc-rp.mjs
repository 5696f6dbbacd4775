// A relying party built on openid-client (an OpenID-certified library) that walks through Tongban's OIDC
// provider the way a department system would, signing in through the real login and consent pages.
// Input from the environment; output: one JSON object on stdout that the Java test asserts on.
import * as client from 'openid-client';

const env = (k) => { const v = process.env[k]; if (!v) throw new Error(`missing ${k}`); return v; };
const ISSUER = env('ISSUER');
const result = {};
const jar = new Map();

function remember(res) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}
const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
async function browse(url, init = {}) {
  const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers || {}), cookie: cookieHeader() } });
  remember(res);
  return res;
}
const abs = (loc) => new URL(loc, ISSUER).toString();
const csrf = (html) => (html.match(/name="_csrf"\s+value="([^"]+)"/) || [])[1];
const form = (o) => { const p = new URLSearchParams(); for (const [k, v] of o) p.append(k, v); return p; };

// 1. Discovery and authorization code with PKCE, through the real pages.
const config = await client.discovery(new URL(ISSUER), env('CLIENT_ID'), env('CLIENT_SECRET'), undefined,
  { execute: [client.allowInsecureRequests] });
result.discovered = config.serverMetadata().issuer;
const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const nonce = client.randomNonce();
const redirectUri = env('REDIRECT_URI');
const authUrl = client.buildAuthorizationUrl(config, {
  redirect_uri: redirectUri, scope: 'openid profile idcard', state, nonce,
  code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
});

let res = await browse(authUrl.toString());
result.firstRedirect = res.headers.get('location');
res = await browse(abs(res.headers.get('location')));
let html = await res.text();
res = await browse(abs('/login'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: form([['username', env('USERNAME')], ['password', env('PASSWORD')], ['_csrf', csrf(html)]]) });
let location = res.headers.get('location');
let hops = 0;
while (location && !location.startsWith(redirectUri) && hops++ < 5) {
  res = await browse(abs(location));
  if (res.status === 200) break;
  location = res.headers.get('location');
}
if (!location || !location.startsWith(redirectUri)) {
  html = await res.text();
  result.consentPage = /授权确认|Confirm access/.test(html);
  const consentState = (html.match(/name="state" value="([^"]+)"/) || [])[1];
  res = await browse(abs('/oauth2/authorize'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form([['client_id', env('CLIENT_ID')], ['state', consentState], ['scope', 'profile'], ['scope', 'idcard'], ['_csrf', csrf(html) || '']]) });
  location = res.headers.get('location');
}
result.callback = location ? location.split('?')[0] : null;
const callback = new URL(location);
const code = callback.searchParams.get('code');
const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
const claims = tokens.claims();
result.idToken = { sub: claims.sub, name: claims.name, acr: claims.acr, id_card: claims.id_card };
result.refreshTokenIssued = Boolean(tokens.refresh_token);
const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
result.userinfo = { sub: info.sub, name: info.name, acr: info.acr, id_card: info.id_card };

// 5. RP-initiated logout ends the session at the provider.
const logoutUrl = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token, post_logout_redirect_uri: env('POST_LOGOUT_URI') });
res = await browse(logoutUrl.toString());
result.logout = { status: res.status, location: res.headers.get('location') };
res = await browse(authUrl.toString());
result.afterLogout = res.headers.get('location');

// 2. The same code again: refused, and the tokens issued with it revoked.
const meta = config.serverMetadata();
const basic = 'Basic ' + Buffer.from(`${encodeURIComponent(env('CLIENT_ID'))}:${encodeURIComponent(env('CLIENT_SECRET'))}`).toString('base64');
res = await fetch(meta.token_endpoint, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
  body: form([['grant_type', 'authorization_code'], ['code', code], ['redirect_uri', redirectUri], ['code_verifier', verifier]]) });
result.reuse = { status: res.status, error: (await res.json()).error };
res = await fetch(meta.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } });
result.userinfoAfterReuse = res.status;
res = await fetch(meta.token_endpoint, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
  body: form([['grant_type', 'refresh_token'], ['refresh_token', tokens.refresh_token]]) });
result.refreshAfterReuse = res.status;

// 3. Client credentials for a department system, then the REST API with that token.
const cc = await client.discovery(new URL(ISSUER), env('CC_CLIENT_ID'), env('CC_CLIENT_SECRET'), undefined,
  { execute: [client.allowInsecureRequests] });
const ccTokens = await client.clientCredentialsGrant(cc, { scope: 'api' });
res = await fetch(new URL('/api/me', ISSUER), { headers: { authorization: `Bearer ${ccTokens.access_token}` } });
result.clientCredentials = { status: res.status, body: await res.json() };
res = await fetch(new URL('/api/me', ISSUER));
result.apiWithoutToken = { status: res.status, type: res.headers.get('content-type') };

// 4. An unregistered redirect_uri: an error page, never a redirect.
const evil = new URL(authUrl);
evil.searchParams.set('redirect_uri', 'http://127.0.0.1:9/evil');
res = await browse(evil.toString());
result.badRedirect = { status: res.status, location: res.headers.get('location'), type: res.headers.get('content-type') };

console.log(JSON.stringify(result));
