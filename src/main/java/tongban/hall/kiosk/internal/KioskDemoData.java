package tongban.hall.kiosk.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.directory.ServicePoints;
import tongban.hall.kiosk.Kiosks;
import tongban.shared.DemoData;

/**
 * The demo kiosk: 大厅自助终端 1 at 西湖区政务服务中心办事大厅, in service, whose published code {@value #CODE} enrols any
 * browser at {@code /kiosk/enrol} (the newest browser wins; real codes are used once).
 */
@Component
@Order(46)
class KioskDemoData implements ApplicationRunner {

	static final String CODE = "XHDT-DEMO";

	private final DemoData demo;
	private final ServicePoints points;
	private final Kiosks kiosks;

	KioskDemoData(DemoData demo, ServicePoints points, Kiosks kiosks) {
		this.demo = demo;
		this.points = points;
		this.kiosks = kiosks;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("hall-kiosk", () -> {
			ServicePoints.ServicePoint hall = points.pointByCode("XH-ZWFW-DT").orElseThrow();
			kiosks.registerDemo("大厅自助终端 1", hall.id(), "大厅凭条打印机 1", CODE);
			kiosks.enrol(CODE);
		});
	}
}
