package tongban.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import tongban.catalog.SearchLanguage;
import tongban.catalog.SiteSearch;
import tongban.hotline.AnswerSuggestions;
import tongban.openness.internal.knowledge.SiteSearchDocument;
import tongban.openness.internal.knowledge.SiteSearchIndex;
import tongban.support.IntegrationTest;

/**
 * Site-wide search over 100,000 generated publications plus the demo catalogue and knowledge base (run by
 * bench/sitesearch.sh, not by the test suite): index build time, then p50/p95 of ten typical queries as the search page
 * asks them (items with their facets, and the openness content with the content-type facet), and of the knowledge
 * suggestions for ten tickets' texts as the operator's ticket page asks them. Prints figures only.
 */
class SiteSearchBench extends IntegrationTest {

	static final int PUBLICATIONS = Integer.getInteger("bench.publications", 100_000);
	static final List<String> QUERIES = List.of("社保卡补办", "sbk", "扶持办法", "营业执照", "食品经营许可", "jiehun", "政策解读",
			"二手房过户", "施工许可", "消费券");
	static final List<String> TICKETS = List.of("来电人社保卡弄丢了，已经挂失，问补办新卡去哪里办、多久能拿到。",
			"市民想开一家奶茶店，问要办哪些证，食品经营许可证怎么申请。", "咨询结婚登记是否还需要带户口本，外地户口能否在西湖区登记。",
			"个体户营业执照办理要不要收费，需要带什么材料。", "公司还有税款没有结清，问能不能办理注销。", "第一次申领社保卡要不要交钱，能不能寄到家里。",
			"问医生在两家医院上班要不要分别办执业注册。", "二手房买卖过户，交易缴税登记要跑几个窗口。", "想了解12345热线能反映哪些问题。",
			"装修一个小工程需不需要办施工许可证。");

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	SiteSearchIndex index;

	@Autowired
	SiteSearch search;

	@Autowired
	AnswerSuggestions suggestions;

	@Autowired
	JsonMapper json;

	@Autowired
	EntityManager em;

	@Autowired
	TransactionTemplate tx;

	record Sample(String kind, String title, String body, String department) {
	}

	List<Sample> samples() throws IOException {
		List<Sample> out = new ArrayList<>();
		for (String[] file : new String[][] { { "policies", "POLICY" }, { "interpretations", "INTERPRETATION" }, { "articles", "ARTICLE" } }) {
			try (InputStream in = new ClassPathResource("data/openness/" + file[0] + ".json").getInputStream()) {
				for (JsonNode p : json.readTree(in).get(file[0])) {
					String body = p.path("summary").asString("") + "\n" + p.path("body").asString("");
					JsonNode departments = p.has("issuers") ? p.get("issuers") : p.has("departments") ? p.get("departments") : null;
					String department = departments != null && departments.size() > 0 ? departments.get(0).asString() : p.path("department").asString("");
					out.add(new Sample(file[1], p.get("title").asString(), body.length() > 800 ? body.substring(0, 800) : body, department));
				}
			}
		}
		return out;
	}

	@Test
	void generatedPublications() throws Exception {
		List<Sample> samples = samples();
		String[] places = "西湖 上城 拱墅 滨江 萧山 余杭 临平 钱塘 富阳 临安 桐庐 淳安 建德".split(" ");
		List<String[]> pinyin = samples.stream().map(s -> new String[] { SearchLanguage.pinyin(s.title()), SearchLanguage.initials(s.title()) }).toList();
		Random random = new Random(7);
		long t0 = System.nanoTime();
		List<Object[]> batch = new ArrayList<>();
		for (int i = 0; i < PUBLICATIONS; i++) {
			int n = random.nextInt(samples.size());
			Sample s = samples.get(n);
			UUID ref = UUID.randomUUID();
			String place = places[random.nextInt(places.length)];
			String path = "/" + (s.kind().equals("POLICY") ? "policies" : s.kind().equals("ARTICLE") ? "articles" : "interpretations") + "/" + ref;
			batch.add(new Object[] { s.kind() + ":" + ref, s.kind(), ref, place + s.title() + "（" + i + "）", s.body(), pinyin.get(n)[0],
					pinyin.get(n)[1], s.department(), path, s.body().length() > 120 ? s.body().substring(0, 120) : s.body() });
			if (batch.size() == 5000) {
				insert(batch);
			}
		}
		insert(batch);
		long inserted = System.nanoTime();
		index.rebuild();
		long indexed = System.nanoTime();
		System.out.printf("BENCH publications=%d insert=%.1fs index-build=%.1fs%n", PUBLICATIONS, (inserted - t0) / 1e9, (indexed - inserted) / 1e9);

		for (int i = 0; i < 200; i++) {
			search.search(QUERIES.get(i % QUERIES.size()), null, null, null, null, 10);
			suggestions.suggest(TICKETS.get(i % TICKETS.size()), 5);
		}
		// the same machine's trivial search in the same run: a match-all top 10 of the openness index
		double[] base = time(() -> tx.execute(st -> Search.session(em).search(SiteSearchDocument.class).where(f -> f.matchAll()).fetchHits(10)), 500);
		System.out.printf("BENCH baseline match-all top 10: p50=%.2fms p95=%.2fms cpu p50=%.2fms p95=%.2fms%n", base[0], base[1], base[2],
				base[3]);
		List<Double> all = new ArrayList<>();
		List<Double> allCpu = new ArrayList<>();
		for (String q : QUERIES) {
			double[] t = time(() -> search.search(q, null, null, null, null, 10), 200);
			all.add(t[1]);
			allCpu.add(t[3]);
			var r = search.search(q, null, null, null, null, 10);
			System.out.printf("BENCH search %-8s p50=%.2fms p95=%.2fms (p95 ÷ baseline %.1f) cpu p50=%.2fms p95=%.2fms items=%d other=%s%n",
					q, t[0], t[1], t[1] / base[1], t[2], t[3], r.total(), r.byContentType());
		}
		System.out.printf("BENCH search worst p95=%.2fms, worst cpu p95=%.2fms%n", all.stream().mapToDouble(Double::doubleValue).max().orElse(0),
				allCpu.stream().mapToDouble(Double::doubleValue).max().orElse(0));
		double[] t = time(new Runnable() {
			int i;

			@Override
			public void run() {
				suggestions.suggest(TICKETS.get(i++ % TICKETS.size()), 5);
			}
		}, 500);
		System.out.printf("BENCH suggestions (10 tickets' texts, top 5) p50=%.2fms p95=%.2fms (p95 ÷ baseline %.1f) cpu p50=%.2fms p95=%.2fms%n",
				t[0], t[1], t[1] / base[1], t[2], t[3]);
		System.out.printf("BENCH load average during the run: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
	}

	private void insert(List<Object[]> batch) {
		jdbcTemplate.batchUpdate("insert into openness_search_document (id, kind, ref, name, body, pinyin, initials, department_code, path,"
				+ " snippet) values (?,?,?,?,?,?,?,?,?,?)", batch);
		batch.clear();
	}

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	/** p50 and p95 of wall-clock time, then of this thread's CPU time (what one query costs, whatever else runs), in ms. */
	private static double[] time(Runnable r, int n) {
		long[] t = new long[n];
		long[] cpu = new long[n];
		for (int i = 0; i < n; i++) {
			long c = THREADS.getCurrentThreadCpuTime();
			long s = System.nanoTime();
			r.run();
			t[i] = System.nanoTime() - s;
			cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
		}
		Arrays.sort(t);
		Arrays.sort(cpu);
		return new double[] { t[n / 2] / 1e6, t[(int) (n * 0.95)] / 1e6, cpu[n / 2] / 1e6, cpu[(int) (n * 0.95)] / 1e6 };
	}
}
