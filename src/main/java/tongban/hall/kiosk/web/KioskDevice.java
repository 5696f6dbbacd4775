package tongban.hall.kiosk.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import tongban.hall.kiosk.Kiosk;
import tongban.hall.kiosk.Kiosks;

/** The kiosk a browser is: its device cookie (HttpOnly, only sent to /kiosk) checked against the register on each request. */
@Component
class KioskDevice {

	static final String COOKIE = "tongban_kiosk";

	/** Long-lived: a kiosk stays enrolled until revoked, not until a cookie runs out. */
	static final Duration LIFE = Duration.ofDays(5 * 365);

	private final Kiosks kiosks;

	KioskDevice(Kiosks kiosks) {
		this.kiosks = kiosks;
	}

	Optional<Kiosk> of(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return kiosks.device(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	void remember(String token, HttpServletRequest request, HttpServletResponse response) {
		ResponseCookie cookie = ResponseCookie.from(COOKIE, token)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Strict")
			.path("/kiosk")
			.maxAge(LIFE)
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
	}
}
