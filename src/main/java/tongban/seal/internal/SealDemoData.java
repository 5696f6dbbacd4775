package tongban.seal.internal;

import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.seal.SealManagement;
import tongban.seal.SealRegistry;
import tongban.shared.DemoData;

/** Demo seals of the departments that issue the demo licences, applied by their approvers, and a 业务专用章 for every department. */
@Component
@Order(45)
class SealDemoData implements ApplicationRunner {

	static final Map<String, String> SEALS = Map.of("XH-SCJG", "行政许可专用章", "XH-MZ", "婚姻登记专用章", "XH-GA", "户口专用章", "XH-WJ",
			"出生医学证明专用章");

	private final DemoData demo;
	private final SealRegistry seals;

	private final DirectoryManagement directory;

	SealDemoData(DemoData demo, SealRegistry seals, DirectoryManagement directory) {
		this.directory = directory;
		this.demo = demo;
		this.seals = seals;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled()) {
			return;
		}
		SEALS.forEach((department, type) -> {
			if (seals.seals(department).isEmpty()) {
				seals.create(department, type, Role.APPROVER.name(), "demo");
			}
		});
		// every department seals the notices and decision letters of its cases
		for (var department : directory.departments()) {
			if (seals.activeSeal(department.code(), SealManagement.DOCUMENT_TYPES).isEmpty()) {
				seals.create(department.code(), "业务专用章", Role.APPROVER.name(), "demo");
			}
		}
	}
}
