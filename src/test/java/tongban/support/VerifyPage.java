package tongban.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The public verification page {@code /verify} as a relying party uses it: the form's token, then the file posted. */
public final class VerifyPage {

	private VerifyPage() {
	}

	/** The answer (status and page) to uploading the file to {@code <base>/verify}. */
	public static HttpResponse<String> upload(String base, byte[] content, String fileName) throws Exception {
		var cookies = new java.net.CookieManager();
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
		String form = http.send(HttpRequest.newBuilder(URI.create(base + "/verify")).build(), HttpResponse.BodyHandlers.ofString()).body();
		var m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
		if (!m.find()) {
			throw new AssertionError("no CSRF token on /verify");
		}
		String boundary = "----tongban" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + m.group(1) + "\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create(base + "/verify"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
