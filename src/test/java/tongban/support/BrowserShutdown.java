package tongban.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Closes the shared Chromium when the test run ends, before the JVM's shutdown hooks run. */
public class BrowserShutdown implements LauncherSessionListener {

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		Browser.shutdown();
	}
}
