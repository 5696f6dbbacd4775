package tongban.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tongban.support.IntegrationTest;

/** Issue #16: text, scripts, styles and JSON travel gzip-compressed (ECharts was served as ~1 MB of plain text). */
class CompressionIT extends IntegrationTest {

	/** Guide pages twice: the second answer comes from the anonymous page cache. */
	@ParameterizedTest
	@ValueSource(strings = { "/webjars/echarts/dist/echarts.min.js", "/webjars/htmx.org/dist/htmx.min.js", "/css/tongban.css",
			"/js/appform.js", "/", "/items/330106-GG-0001-01", "/items/330106-GG-0001-01", "/api/items?size=50", "/search?q=社保卡" })
	void textIsCompressedWhenTheClientAcceptsIt(String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path.replace("社保卡", "%E7%A4%BE%E4%BF%9D%E5%8D%A1"))))
				.header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
		byte[] plain;
		try (var in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
			plain = in.readAllBytes();
		}
		assertThat(r.body().length).as(path + " compressed").isLessThan(plain.length / 2);
	}
}
