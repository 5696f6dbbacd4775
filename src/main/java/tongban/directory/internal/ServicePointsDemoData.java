package tongban.directory.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tongban.shared.DemoData;

/**
 * The demo's service network (issue 20): the district hall {@link DirectoryDemoData} made becomes the 政务服务中心 with
 * a 企业 window calling series B, and four 便民服务中心 and three 代办点 of 西湖区's townships serve the items people
 * most often need near home (社保, 医保, 民政, 残联). Addresses and coordinates are made up near each township.
 */
@Component
@Order(12)
class ServicePointsDemoData implements ApplicationRunner {

	/** Items a township 便民服务中心 takes in at its 综合窗口. */
	static final List<String> TOWNSHIP_ITEMS = List.of("330106-GG-0001-01", "330106-GG-0001-02", "330106-GG-0002-01",
			"330106-GG-0008-01", "330106-GG-0010-01", "330106-GF-0004-01", "330106-GF-0005-01", "330106-GF-0006-01",
			"330106-GF-0007-01", "330106-GG-0004-01", "330106-GG-0018-01", "330106-GG-0046-01");
	/** Items a village or community 代办点 takes in for the township. */
	static final List<String> VILLAGE_ITEMS = List.of("330106-GF-0004-01", "330106-GG-0018-01", "330106-GG-0008-01",
			"330106-GF-0006-01", "330106-GG-0001-02");

	/** code, name, level, township, latitude, longitude, address. */
	private static final List<String[]> POINTS = List.of(
			new String[] { "XH-BM-BS", "北山街道便民服务中心", "TOWNSHIP", "330106002", "30.262100", "120.146800", "杭州市西湖区北山街道（演示地址）" },
			new String[] { "XH-BM-XX", "西溪街道便民服务中心", "TOWNSHIP", "330106004", "30.281500", "120.141200", "杭州市西湖区西溪街道（演示地址）" },
			new String[] { "XH-BM-SD", "三墩镇便民服务中心", "TOWNSHIP", "330106109", "30.329800", "120.089600", "杭州市西湖区三墩镇（演示地址）" },
			new String[] { "XH-BM-ZT", "转塘街道便民服务中心", "TOWNSHIP", "330106010", "30.153900", "120.094300", "杭州市西湖区转塘街道（演示地址）" },
			new String[] { "XH-DB-SG", "北山街道曙光社区代办点", "VILLAGE", "330106002", "30.270300", "120.140100", "杭州市西湖区北山街道曙光社区（演示地址）" },
			new String[] { "XH-DB-RC", "三墩镇绕城村代办点", "VILLAGE", "330106109", "30.321200", "120.071500", "杭州市西湖区三墩镇绕城村（演示地址）" },
			new String[] { "XH-DB-CD", "转塘街道长埭村代办点", "VILLAGE", "330106010", "30.139700", "120.077800", "杭州市西湖区转塘街道长埭村（演示地址）" });

	private final DemoData demo;
	private final JdbcClient jdbc;

	ServicePointsDemoData(DemoData demo, JdbcClient jdbc) {
		this.demo = demo;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("service-points", () -> {
			UUID centre = jdbc.sql("select id from directory_service_hall where name = '西湖区政务服务中心办事大厅'")
				.query(UUID.class)
				.single();
			jdbc.sql("""
					update directory_service_hall set code = 'XH-ZWFW-DT', level = 'DISTRICT', latitude = 30.290800,
					longitude = 120.119400, workday_hours = '09:00-12:00,13:30-17:00' where id = ?""").param(centre).update();
			jdbc.sql("""
					update directory_window set kind = case when name like '%出件%' then 'COLLECTION' else 'GENERAL' end,
					series = 'A', serves_all_items = name not like '%出件%' where hall_id = ?""").param(centre).update();
			UUID zwfw = jdbc.sql("select id from directory_department where code = 'XH-ZWFW'").query(UUID.class).single();
			jdbc.sql("""
					insert into directory_window (id, hall_id, number, name, department_id, kind, series, serves_all_items)
					values (?, ?, '09', '企业综合窗口', ?, 'GENERAL', 'B', true)""").params(UUID.randomUUID(), centre, zwfw).update();
			for (String[] p : POINTS) {
				UUID id = UUID.randomUUID();
				boolean township = p[2].equals("TOWNSHIP");
				jdbc.sql("""
						insert into directory_service_hall (id, code, name, region_code, address, hours, phone, level, township_code,
						  latitude, longitude, workday_hours)
						values (?, ?, ?, '330106', ?, ?, '0571-12345', ?, ?, ?, ?, ?)""")
					.params(id, p[0], p[1], p[6], township ? "工作日 9:00-12:00, 13:30-17:00（法定节假日除外）" : "工作日 9:00-11:30, 14:00-16:30（法定节假日除外）",
							p[2], p[3], new BigDecimal(p[4]), new BigDecimal(p[5]),
							township ? "09:00-12:00,13:30-17:00" : "09:00-11:30,14:00-16:30")
					.update();
				int windows = township ? 2 : 1;
				for (int w = 1; w <= windows; w++) {
					UUID window = UUID.randomUUID();
					jdbc.sql("""
							insert into directory_window (id, hall_id, number, name, department_id, kind, series, serves_all_items)
							values (?, ?, ?, ?, ?, 'GENERAL', 'A', false)""")
						.params(window, id, String.format("%02d", w), township ? "综合窗口" : "代办窗口", zwfw)
						.update();
					for (String item : township ? TOWNSHIP_ITEMS : VILLAGE_ITEMS) {
						jdbc.sql("insert into directory_window_item (window_id, item_code) values (?, ?)").params(window, item).update();
					}
				}
			}
		});
	}
}
