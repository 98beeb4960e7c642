package org.relufem.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Properties;

/** Provenance: the code version (from the build) and this host's name, each read once. */
public final class BuildInfo {
    private static final String VERSION = readVersion();
    private static final String HOST = readHost();

    private BuildInfo() {
    }

    public static String version() {
        return VERSION;
    }

    public static String host() {
        return HOST;
    }

    private static String readVersion() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/relufem-build.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String readHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
