package tongban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import tongban.catalog.CatalogSearch;
import tongban.catalog.internal.SearchDocument;
import tongban.support.IntegrationTest;

/**
 * Search over a generated catalogue of 100,000 items (run by bench/catalog.sh, not by the test suite): index build
 * time, memory, and p50/p95 of typical queries beside a match-all baseline in the same run. Prints figures only.
 */
class SearchBench extends IntegrationTest {

	static final int ITEMS = Integer.getInteger("bench.items", 100_000);
	static final List<String> QUERIES = List.of("社保卡补办", "sbk", "身份证丢了", "开饭店", "营业执照变更", "jiehun", "低保",
			"二手房过户", "施工许可", "办退休");

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	EntityManager em;

	@Autowired
	CatalogSearch search;

	@Autowired
	tongban.catalog.internal.SearchIndexing indexing;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@Value("${tongban.data-dir}")
	String dataDir;

	@Test
	void generatedCatalogue() throws Exception {
		List<Object[]> demo = jdbcTemplate.query("select name, aliases, keywords, body, pinyin, initials, type, department_code,"
				+ " online_depth, required_visits, scope from catalog_search_document",
				(rs, i) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10), rs.getString(11) });
		String[] places = "西湖 上城 拱墅 滨江 萧山 余杭 临平 钱塘 富阳 临安 桐庐 淳安 建德".split(" ");
		Random random = new Random(7);
		long t0 = System.nanoTime();
		List<Object[]> batch = new ArrayList<>();
		for (int i = 0; i < ITEMS; i++) {
			Object[] d = demo.get(random.nextInt(demo.size()));
			String place = places[random.nextInt(places.length)];
			batch.add(new Object[] { "BENCH-" + i, place + d[0] + "（" + i + "）", d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10] });
			if (batch.size() == 5000) {
				insert(batch);
			}
		}
		insert(batch);
		long inserted = System.nanoTime();
		indexing.rebuild();
		long indexed = System.nanoTime();
		System.gc();
		long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
		long indexBytes = 0;
		Path indexFolder = Path.of(dataDir, "search");
		if (Files.exists(indexFolder)) { // embedded Lucene; on a search cluster (SearchOnOpenSearchBench) the node holds it
			try (Stream<Path> files = Files.walk(indexFolder)) {
				indexBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
			}
		}
		System.out.printf("BENCH backend=%s%n", Search.mapping(em.getEntityManagerFactory()).backend().getClass().getSimpleName());
		System.out.printf("BENCH items=%d insert=%.1fs index-build=%.1fs index-size=%.0fMiB heap-after-gc=%.0fMiB%n",
				ITEMS + demo.size(), (inserted - t0) / 1e9, (indexed - inserted) / 1e9, indexBytes / 1048576.0, heap / 1048576.0);

		for (int i = 0; i < 200; i++) {
			search.search(QUERIES.get(i % QUERIES.size()), null, null, null, 10);
		}
		double[] base = time(() -> tx.execute(s -> Search.session(em).search(SearchDocument.class).where(f -> f.matchAll()).fetchHits(10)), 500);
		System.out.printf("BENCH baseline match-all top 10: p50=%.2fms p95=%.2fms%n", base[0], base[1]);
		for (String q : QUERIES) {
			double[] t = time(() -> search.search(q, null, null, null, 10), 300);
			System.out.printf("BENCH query %-8s p50=%.2fms p95=%.2fms (p95 ratio to baseline %.1f) hits=%d%n", q, t[0], t[1], t[1] / base[1],
					search.search(q, null, null, null, 10).total());
		}
	}

	private void insert(List<Object[]> batch) {
		jdbcTemplate.batchUpdate("insert into catalog_search_document (code, name, aliases, keywords, body, pinyin, initials, type,"
				+ " department_code, online_depth, required_visits, scope) values (?,?,?,?,?,?,?,?,?,?,?,?) on conflict do nothing", batch);
		batch.clear();
	}

	private static double[] time(Runnable r, int n) {
		long[] t = new long[n];
		for (int i = 0; i < n; i++) {
			long s = System.nanoTime();
			r.run();
			t[i] = System.nanoTime() - s;
		}
		Arrays.sort(t);
		return new double[] { t[n / 2] / 1e6, t[(int) (n * 0.95)] / 1e6 };
	}
}
