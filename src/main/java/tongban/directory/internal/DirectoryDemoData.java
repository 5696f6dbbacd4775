package tongban.directory.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.directory.domain.Department;
import tongban.directory.domain.DepartmentRepository;
import tongban.directory.domain.HallWindow;
import tongban.directory.domain.HallWindowRepository;
import tongban.directory.domain.ServiceHall;
import tongban.directory.domain.ServiceHallRepository;
import tongban.shared.DemoData;
import tongban.shared.Uscc;

/**
 * The demo government: departments of 杭州市西湖区 (330106) under their real names, with made-up
 * 统一社会信用代码 that pass the GB 32100 check, and one service hall.
 */
@Component
@Order(10)
class DirectoryDemoData implements ApplicationRunner {

	static final String DEMO_REGION = "330106";

	/** code, full name, short name. */
	static final List<String[]> DEPARTMENTS = List.of(
			new String[] { "XH-SCJG", "杭州市西湖区市场监督管理局", "区市场监管局" },
			new String[] { "XH-GA", "杭州市公安局西湖区分局", "公安西湖分局" },
			new String[] { "XH-RLSB", "杭州市西湖区人力资源和社会保障局", "区人力社保局" },
			new String[] { "XH-WJ", "杭州市西湖区卫生健康局", "区卫生健康局" },
			new String[] { "XH-MZ", "杭州市西湖区民政局", "区民政局" },
			new String[] { "XH-ZJ", "杭州市西湖区住房和城乡建设局", "区住房和城乡建设局" },
			new String[] { "XH-JY", "杭州市西湖区教育局", "区教育局" },
			new String[] { "XH-YB", "杭州市医疗保障局西湖分局", "区医疗保障分局" },
			new String[] { "XH-SW", "国家税务总局杭州市西湖区税务局", "区税务局" },
			new String[] { "XH-ZWFW", "杭州市西湖区政务服务中心", "区政务服务中心" },
			new String[] { "XH-GHZY", "杭州市规划和自然资源局西湖分局", "规划资源西湖分局" },
			new String[] { "XH-SF", "杭州市西湖区司法局", "区司法局" },
			new String[] { "XH-ZFB", "杭州市西湖区人民政府办公室", "区政府办公室" });

	private final DemoData demo;
	private final DepartmentRepository departments;
	private final ServiceHallRepository halls;
	private final HallWindowRepository windows;

	DirectoryDemoData(DemoData demo, DepartmentRepository departments, ServiceHallRepository halls,
			HallWindowRepository windows) {
		this.demo = demo;
		this.departments = departments;
		this.halls = halls;
		this.windows = windows;
	}

	/** A made-up code for a government body (登记管理部门 1 机构编制, 机构类别 1 机关) in the demo county. */
	static Uscc demoUscc(int n) {
		String first17 = "11" + DEMO_REGION + "MB" + String.format("%07d", 1_000_000 + n * 7919);
		return new Uscc(first17 + Uscc.checkCharacter(first17));
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("directory", () -> {
			UUID centre = null;
			int i = 0;
			for (String[] d : DEPARTMENTS) {
				i++;
				Department dep = departments.save(new Department(d[0], d[1], d[2], demoUscc(i), DEMO_REGION, null,
						"0571-8" + String.format("%07d", 1_000_000 + i * 1111), null, "杭州市西湖区（演示地址）"));
				if (d[0].equals("XH-ZWFW")) {
					centre = dep.id();
				}
			}
			ServiceHall hall = halls.save(new ServiceHall("西湖区政务服务中心办事大厅", DEMO_REGION, "杭州市西湖区（演示地址）",
					"周一至周五 9:00-12:00, 13:30-17:00（法定节假日除外）", "0571-12345"));
			for (int w = 1; w <= 8; w++) {
				windows.save(new HallWindow(hall.id(), String.format("%02d", w), w <= 6 ? "综合受理窗口" : "综合出件窗口", centre));
			}
		});
	}
}
