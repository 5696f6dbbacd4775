package tongban;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(Tongban.class);

	@Test
	void verifiesTheModuleMap() {
		modules.verify();
	}

	@Test
	void writesModuleDiagrams() throws IOException {
		Path folder = Path.of("docs/modules");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Files.write(file, inStableOrder(Files.readAllLines(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
			}
		}
	}

	/**
	 * The documenter lists relations and a canvas's entries in hash order, which changes from run to run; sorting each
	 * run of such lines keeps the committed files stable, so a diff shows only real changes.
	 */
	static List<String> inStableOrder(List<String> lines) {
		List<String> out = new ArrayList<>();
		List<String> run = new ArrayList<>();
		boolean canvasList = false;
		for (String line : lines) {
			boolean relation = line.startsWith("Rel(") || line.contains(" --> ") || line.contains(" ..> ");
			boolean listStart = line.startsWith("|* ");
			boolean listItem = line.startsWith("* ");
			if (relation && (run.isEmpty() || !canvasList)) {
				run.add(line);
				canvasList = false;
				continue;
			}
			if (listStart || (listItem && canvasList && !run.isEmpty())) {
				if (listStart) {
					flush(out, run, false);
				}
				run.add(listStart ? line.substring(1) : line);
				canvasList = true;
				continue;
			}
			flush(out, run, canvasList);
			canvasList = false;
			out.add(line);
		}
		flush(out, run, canvasList);
		return out;
	}

	private static void flush(List<String> out, List<String> run, boolean canvasList) {
		if (run.isEmpty()) {
			return;
		}
		run.sort(null);
		if (canvasList) {
			run.set(0, "|" + run.getFirst());
		}
		out.addAll(run);
		run.clear();
	}
}
