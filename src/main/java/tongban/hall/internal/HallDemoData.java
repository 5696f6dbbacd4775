package tongban.hall.internal;

import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.directory.ServicePoints;
import tongban.hall.WindowStaff;
import tongban.identity.HistoryParties;
import tongban.shared.DemoData;

/**
 * Demo clerks at their windows: 周窗口 at window 01 and 王窗口 at window 02 of the district hall, 陈街道 at the 综合窗口 of
 * 北山街道便民服务中心, 李代办 at the 代办窗口 of 曙光社区代办点.
 */
@Component
@Order(45)
class HallDemoData implements ApplicationRunner {

	/** username → point code and window number. */
	static final Map<String, String[]> ASSIGNMENTS = Map.of(
			"clerk", new String[] { "XH-ZWFW-DT", "01" },
			"clerk-2", new String[] { "XH-ZWFW-DT", "02" },
			"clerk-bs", new String[] { "XH-BM-BS", "01" },
			"agent-sg", new String[] { "XH-DB-SG", "01" });

	private final DemoData demo;
	private final ServicePoints points;
	private final WindowStaff staff;
	private final HistoryParties parties;

	HallDemoData(DemoData demo, ServicePoints points, WindowStaff staff, HistoryParties parties) {
		this.demo = demo;
		this.points = points;
		this.staff = staff;
		this.parties = parties;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("hall-window-staff", () -> ASSIGNMENTS.forEach((username, where) -> {
			ServicePoints.ServicePoint point = points.pointByCode(where[0]).orElseThrow();
			ServicePoints.PointWindow window = points.windows(point.id()).stream()
				.filter(w -> w.number().equals(where[1]))
				.findFirst()
				.orElseThrow();
			staff.assign(window.id(), parties.staffByUsername(username).orElseThrow().id());
		}));
	}
}
