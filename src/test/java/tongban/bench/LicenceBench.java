package tongban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.licence.LicenceManagement;
import tongban.seal.SealManagement;
import tongban.seal.SealRegistry;
import tongban.support.IntegrationTest;

/**
 * Licence issuance (render the PDF, seal it with PAdES, store it, register it) in licences per second beside the bare
 * ECDSA P-256 signatures per second of the same JVM in the same run; then the public verification page under
 * concurrent connections from wrk (a separate program) beside the upload form page (the same layout, no lookup). Run by bench/licences.sh, not by the test suite; prints figures only.
 */
class LicenceBench extends IntegrationTest {

	static final int SECONDS = Integer.getInteger("bench.seconds", 20);
	static final int CLIENTS = Integer.getInteger("bench.clients", 32);

	@Autowired
	LicenceManagement licences;

	@Autowired
	SealManagement seals;

	@Autowired
	SealRegistry sealRegistry;

	@Test
	void issuanceAndVerification() throws Exception {
		Citizen holder = newCitizen("压测持证人", 2);
		var sealer = new SealManagement.Sealer(UUID.randomUUID(), "压测审批员", "XH-SCJG", Set.of("APPROVER"), true);
		Map<String, Object> values = Map.of("uscc", "91330106MA2H3L5Y4T", "entityName", "西湖压测餐饮店", "legalName", holder.name(), "address",
				"杭州市西湖区文三路 1 号", "format", "餐饮服务经营者", "items", "热食类食品制售");
		// warm-up
		for (int i = 0; i < 30; i++) {
			licences.issue(new LicenceManagement.Issue(null, "330106-XK-0001-01", "XH-SCJG", "330106", holder.id(), values, holder.id()), sealer);
		}

		var g = KeyPairGenerator.getInstance("EC");
		g.initialize(new ECGenParameterSpec("secp256r1"));
		var key = g.generateKeyPair().getPrivate();
		byte[] data = new byte[4096];
		int threads = 2;
		CaseBench.Figures bare = CaseBench.load(threads, SECONDS / 2, Integer.MAX_VALUE, i -> {
			Signature s = Signature.getInstance("SHA256withECDSA");
			s.initSign(key);
			s.update(data);
			return s.sign().length > 0;
		});
		System.out.println("BENCH " + bare.line("bare ECDSA P-256 signatures (" + threads + " threads)"));
		var seal = sealRegistry.activeSeal("XH-SCJG", List.of("行政许可专用章")).orElseThrow();
		var content = new tongban.licence.internal.LicencePdf.Content("食品经营许可证", "1.2.156.3005.2.bench", "JY330106000001",
				java.util.Map.of("经营者名称", "西湖压测餐饮店", "统一社会信用代码", "91330106MA2H3L5Y4T", "经营场所", "杭州市西湖区文三路 1 号"),
				"杭州市西湖区市场监督管理局", java.time.LocalDate.now(), "http://localhost/verify/x", sealRegistry.image(seal.id()).orElseThrow(), "<x/>");
		CaseBench.Figures pdf = CaseBench.load(threads, SECONDS / 2, Integer.MAX_VALUE,
				i -> seals.sealPdf(seal.id(), tongban.licence.internal.LicencePdf.render(content), sealer, "bench-pdf", "bench").length > 0);
		System.out.println("BENCH " + pdf.line("PDF: render + PAdES seal (" + threads + " threads)"));
		CaseBench.Figures ofd = CaseBench.load(threads, SECONDS / 2, Integer.MAX_VALUE,
				i -> seals.sealOfd(seal.id(), tongban.licence.internal.LicenceOfd.render(content), sealer, "bench-ofd", 130, 205).length > 0);
		System.out.println("BENCH " + ofd.line("OFD: render + SM2 seal (" + threads + " threads)"));
		List<String> identifiers = java.util.Collections.synchronizedList(new ArrayList<>());
		CaseBench.Figures issued = CaseBench.load(threads, SECONDS, Integer.MAX_VALUE, i -> {
			var l = licences.issue(new LicenceManagement.Issue(null, "330106-XK-0001-01", "XH-SCJG", "330106", holder.id(), values, holder.id()),
					sealer);
			identifiers.add(l.orElseThrow().identifier());
			return true;
		});
		System.out.println("BENCH " + issued.line("licences issued, PDF and OFD (render, seal both, store, register, notify; " + threads + " threads)"));
		System.out.printf("BENCH issuance ratio to bare signatures: %.3f%n", (issued.done() / issued.seconds()) / (bare.done() / bare.seconds()));

		// the pages under load from wrk, a separate program (bench/verify.lua cycles through the issued identifiers)
		Path ids = Files.createTempFile("verify-ids", ".txt");
		Files.write(ids, identifiers);
		int warm = Math.max(2, SECONDS / 4);
		Wrk.run(url("/verify"), CLIENTS, warm, null, Map.of());
		Wrk.run(url("/"), CLIENTS, warm, Path.of("bench/verify.lua"), Map.of("VERIFY_IDS", ids.toString()));
		// baseline: the same page layout without the lookup (the upload form); the health endpoint of the test context also
		// asks the test mail server, which makes it slower than a page
		CaseBench.Figures form = Wrk.run(url("/verify"), CLIENTS, SECONDS / 2, null, Map.of());
		System.out.println("BENCH " + form.line("baseline GET /verify, the upload form (wrk, " + CLIENTS + " connections)"));
		CaseBench.Figures verify = Wrk.run(url("/"), CLIENTS, SECONDS, Path.of("bench/verify.lua"), Map.of("VERIFY_IDS", ids.toString()));
		System.out.println("BENCH " + verify.line("GET /verify/{identifier} (wrk, " + CLIENTS + " connections, " + identifiers.size() + " licences)"));
		System.out.printf("BENCH verification ratio to the form page: throughput %.2f, p99 %.2f%n", (verify.done() / verify.seconds())
				/ (form.done() / form.seconds()), (double) verify.p99() / form.p99());
		Files.delete(ids);
	}
}
