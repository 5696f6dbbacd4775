package tongban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
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

	/** Where the diagrams of this run are written: the build's own folder, never the source tree. */
	static final Path GENERATED = Path.of("target/module-docs");

	/** The committed diagrams (docs/modules); refreshed by {@code bin/module-docs}. */
	static final Path COMMITTED = Path.of("docs/modules");

	/** Set by {@code bin/module-docs}: copy what this run generated over the committed diagrams. */
	static final String REFRESH = "tongban.moduleDocs.refresh";

	@Test
	void writesModuleDiagrams() throws IOException {
		Map<String, String> generated = generate();
		List<String> names = modules.stream().map(module -> module.getIdentifier().toString()).toList();
		assertThat(names).as("the module map").contains("casework", "catalog", "identity", "shared");
		String components = generated.get("components.puml");
		assertThat(components).as("the overview diagram").isNotBlank().startsWith("@startuml").contains("@enduml");
		for (String name : names) {
			assertThat(components).as("the overview names module " + name).containsIgnoringCase(name);
			assertThat(generated.get("module-" + name + ".puml")).as("the diagram of module " + name).isNotBlank()
				.contains("@startuml").containsIgnoringCase(name);
			assertThat(generated.get("module-" + name + ".adoc")).as("the canvas of module " + name).isNotBlank();
		}
		// a relation the module map has must be drawn: casework uses catalog's API
		assertThat(generated.get("module-casework.puml")).containsIgnoringCase("catalog");
		assertThat(generated).as("nothing but the overview and one diagram and canvas per module").hasSize(1 + 2 * names.size());
	}

	/**
	 * docs/modules must be what the code generates, so the diagrams cannot drift from the module map. When this fails,
	 * run {@code bin/module-docs} and commit docs/modules.
	 */
	@Test
	void committedModuleDiagramsAreCurrent() throws IOException {
		Map<String, String> generated = generate();
		if (Boolean.getBoolean(REFRESH)) {
			refreshCommitted(generated);
		}
		Map<String, String> committed = read(COMMITTED);
		assertThat(committed.keySet()).as("docs/modules holds the files the documenter writes; run bin/module-docs")
			.containsExactlyInAnyOrderElementsOf(generated.keySet());
		generated.forEach((file, text) -> assertThat(committed.get(file))
			.as("docs/modules/%s is stale: run bin/module-docs and commit docs/modules", file).isEqualTo(text));
	}

	/** Two hash orders of the same canvas cell, as two runs wrote them, come out the same. */
	@Test
	void canvasListsComeOutInOneOrder() {
		List<String> one = List.of("|Events listened to", "|", "", "* `B` (async) ", "* `A` (async) ", "|===");
		List<String> other = List.of("|Events listened to", "|", "* `A` (async) ", "", "* `B` (async) ", "|===");
		assertThat(inStableOrder(one)).isEqualTo(inStableOrder(other))
			.containsExactly("|Events listened to", "|* `A` (async) ", "* `B` (async) ", "|===");
		assertThat(inStableOrder(List.of("|_Services_", "", "* `b`", "* `a`", "", "_Others_")))
			.as("a blank line outside such a list stays").containsExactly("|_Services_", "", "* `b`", "* `a`", "", "_Others_");
	}

	/** Writes the diagrams into a fresh folder under {@link #GENERATED} in stable order; answers them by file name. */
	private Map<String, String> generate() throws IOException {
		Path folder = GENERATED.resolve(UUID.randomUUID().toString());
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Files.write(file, inStableOrder(Files.readAllLines(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
			}
		}
		return read(folder);
	}

	private static Map<String, String> read(Path folder) throws IOException {
		Map<String, String> texts = new TreeMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
			}
		}
		return texts;
	}

	private static void refreshCommitted(Map<String, String> generated) throws IOException {
		Files.createDirectories(COMMITTED);
		try (Stream<Path> files = Files.list(COMMITTED)) {
			for (Path file : files.toList()) {
				if (!generated.containsKey(file.getFileName().toString())) {
					Files.delete(file);
				}
			}
		}
		for (Map.Entry<String, String> file : generated.entrySet()) {
			Files.writeString(COMMITTED.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * The documenter lists relations and a canvas's entries in hash order, which changes from run to run; sorting each
	 * run of such lines keeps the committed files stable, so a diff shows only real changes.
	 */
	static List<String> inStableOrder(List<String> lines) {
		return sorted(joinedLists(lines));
	}

	/**
	 * A canvas cell's list sometimes starts on the line after a bare {@code |}, with a blank line before or inside it,
	 * depending on which entry the hash order puts first (an entry that starts with a line break): such a list is
	 * written as {@code |* first}, then its other items, without blank lines.
	 */
	static List<String> joinedLists(List<String> lines) {
		List<String> out = new ArrayList<>();
		boolean list = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
			if (line.isEmpty() && list && next.startsWith("* ")) {
				continue;
			}
			if (line.equals("|")) {
				int item = i + 1;
				while (item < lines.size() && lines.get(item).isEmpty()) {
					item++;
				}
				if (item < lines.size() && lines.get(item).startsWith("* ")) {
					out.add("|" + lines.get(item));
					i = item;
					list = true;
					continue;
				}
			}
			list = line.startsWith("|* ") || list && line.startsWith("* ");
			out.add(line);
		}
		return out;
	}

	private static List<String> sorted(List<String> lines) {
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
