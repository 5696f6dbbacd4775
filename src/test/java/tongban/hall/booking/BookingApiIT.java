package tongban.hall.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.directory.ServicePoints;
import tongban.shared.WorkingCalendars;
import tongban.support.IntegrationTest;

/**
 * /api/hall/bookings with the {@code appointments} scope: slots with what is left, booking (201), a second booking of
 * the same slot refused as problem+json with its code and field, input that is not a date 422, someone else's booking
 * 404, no scope 403; and the operations are in the OpenAPI document.
 */
class BookingApiIT extends IntegrationTest {

	static final String ITEM = "330106-XK-0001-01";

	@Autowired
	ServicePoints points;

	@Autowired
	Slots slots;

	@Autowired
	WorkingCalendars calendars;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "application/json, application/problem+json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void bookThroughTheApiAndBeRefusedAsProblems() throws Exception {
		LocalDate today = LocalDate.now().plusWeeks(30);
		while (!calendars.current().isWorkingDay(today)) {
			today = today.plusDays(1);
		}
		clock.set(LocalDateTime.of(today, LocalTime.of(10, 0)));
		ServicePoints.ServicePoint hall = points.pointByCode("XH-ZWFW-DT").orElseThrow();
		LocalDate day = slots.days(hall.id()).getFirst();
		Citizen person = newCitizen("接口预约", 2);
		Citizen other = newCitizen("接口他人", 2);
		String token = accessToken(person.id(), "appointments");

		HttpResponse<String> offered = send("GET", "/api/hall/bookings/slots?point=" + hall.id() + "&item=" + ITEM + "&day=" + day, token, null);
		assertThat(offered.statusCode()).isEqualTo(200);
		assertThat(offered.body()).contains("\"start\":\"09:00\"").contains("\"left\":");

		String body = "{\"item\":\"" + ITEM + "\",\"point\":\"" + hall.id() + "\",\"day\":\"" + day + "\",\"start\":\"09:30\"}";
		HttpResponse<String> booked = send("POST", "/api/hall/bookings", token, body);
		assertThat(booked.statusCode()).isEqualTo(201);
		assertThat(booked.body()).contains("\"status\":\"BOOKED\"").containsPattern("\"code\":\"[0-9]{8}\"");
		String id = booked.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");

		HttpResponse<String> twice = send("POST", "/api/hall/bookings", token, body);
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(twice.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(twice.body()).contains("\"code\":\"hall-booking-twice\"").contains("\"field\":\"slot\"").contains("您已经预约了这个时段");

		HttpResponse<String> badDay = send("POST", "/api/hall/bookings", token, body.replace(day.toString(), "2026-13-45"));
		assertThat(badDay.statusCode()).isEqualTo(422);
		assertThat(badDay.body()).contains("hall-booking-bad-day");
		assertThat(send("POST", "/api/hall/bookings", token, "{not json").statusCode()).isBetween(400, 499);
		HttpResponse<String> nul = send("POST", "/api/hall/bookings", token, body.replace("09:30", "09:30\\u0000"));
		assertThat(nul.statusCode()).isBetween(400, 499);
		assertThat(nul.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

		assertThat(send("GET", "/api/hall/bookings", token, null).body()).contains(id);
		assertThat(send("DELETE", "/api/hall/bookings/" + id, accessToken(other.id(), "appointments"), null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/hall/bookings", accessToken(person.id(), "cases.read"), null).statusCode()).isEqualTo(403);
		HttpResponse<String> cancelled = send("DELETE", "/api/hall/bookings/" + id, token, null);
		assertThat(cancelled.statusCode()).isEqualTo(200);
		assertThat(cancelled.body()).contains("\"status\":\"CANCELLED\"");

		assertThat(send("GET", "/v3/api-docs", null, null).body()).contains("/api/hall/bookings/slots").contains("/api/hall/bookings/{id}");
	}
}
