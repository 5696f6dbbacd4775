package tongban.shared.web;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import tongban.support.IntegrationTest;

/**
 * Uploads larger than 1 MB reach the page's own checks (the container's limits sit above the platform's): a 3 MB file
 * that is not a licence and a 12 MB file are answered on the verification page with the field's Chinese message, not
 * cut off by the container.
 */
class UploadLimitsIT extends IntegrationTest {

	@Test
	void largeUploadsGetThePagesOwnMessage() throws Exception {
		assertThat(post(new byte[3 * 1024 * 1024])).contains("只能核验 PDF 或 OFD 格式的证照文件");
		assertThat(post(new byte[12 * 1024 * 1024])).contains("文件超过 10 MB");
	}

	/** Issue 16 point 21: a 1 MB OFD that expands to 1 GB is refused by /verify with the reason, before it is read. */
	@Test
	void anOfdZipBombIsRefusedByTheVerificationPage() throws Exception {
		byte[] bomb = tongban.shared.UploadCheckTest.zipBomb(1024L * 1024 * 1024);
		assertThat(post(bomb)).contains("文件解压后过大或包含的文件过多");
	}

	private String post(byte[] content) throws Exception {
		var r = tongban.support.VerifyPage.upload(url(""), content, "licence.pdf");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
		return r.body();
	}
}
