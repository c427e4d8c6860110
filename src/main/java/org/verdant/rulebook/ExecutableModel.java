package org.verdant.rulebook;

import org.kie.api.KieBase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The bundled rulebook's rules compiled to Drools' executable model at build time
 * ({@link ModelGenerator}), so that a cold start loads ready classes instead of compiling DRL and
 * interpreting MVEL. The DRL stays the source of truth: each compiled model is stored under the
 * digest of the exact rule files (paths and bytes) it was generated from, and is used only for
 * those; an edited rule, or a rules directory other than the one the jar was built from, names
 * no model and the DRL is compiled as before (and kept in the compiled-rules cache).
 *
 * <p>Only a jar carries models: the classes were compiled against the Verdant classes of the same
 * build, and a build directory's {@code target/classes} could hold models older than its code.
 * {@code VERDANT_MODEL=off} (or {@code -Dverdant.model=off}) turns them off, to measure without.
 */
public final class ExecutableModel {
    /** Where the models are, one folder per rule-file digest: {@code verdant-model/<key>/}. */
    static final String ROOT = "verdant-model/";
    /** In each folder: the model classes to instantiate, one per line. */
    static final String MODELS = "drools-model";
    /** Bumped when the layout or the key changes. */
    private static final String LAYOUT = "verdant.model/1";

    private ExecutableModel() {
    }

    /** True unless turned off, and only when running from a jar (see the class comment). */
    static boolean enabled() {
        String off = System.getProperty("verdant.model");
        if (off == null || off.isBlank()) off = System.getenv("VERDANT_MODEL");
        if (off != null && (off.equalsIgnoreCase("off") || off.equalsIgnoreCase("false") || off.equals("0"))) return false;
        var source = ExecutableModel.class.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation() != null && source.getLocation().getPath().endsWith(".jar");
    }

    /** The folder name for exactly these rule files. */
    static String key(List<SourceFile> ruleFiles) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(LAYOUT.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        for (SourceFile f : ruleFiles) {
            md.update(f.logicalPath().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(f.bytes());
            md.update((byte) 0);
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    }

    /**
     * The knowledge base of the model generated from exactly these rule files, read through
     * {@code resources} (the jar's class loader), or null when there is none or it cannot be used
     * (then the caller compiles the DRL).
     */
    static KieBase load(List<SourceFile> ruleFiles, ClassLoader resources) {
        String folder = ROOT + key(ruleFiles) + "/";
        try (InputStream in = resources.getResourceAsStream(folder + MODELS)) {
            if (in == null) return null;
            List<String> names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("Drools-Model-Version")).toList();
            if (names.isEmpty()) return null;
            ClassLoader loader = new FolderClassLoader(folder, resources);
            List<org.drools.model.Model> models = new ArrayList<>();
            for (String name : names) {
                models.add((org.drools.model.Model) loader.loadClass(name).getConstructor().newInstance());
            }
            return org.drools.modelcompiler.KieBaseBuilder.createKieBaseFromModel(models);
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // an unusable model costs a DRL compile, never a wrong verdict
        }
    }

    /**
     * The generated classes of one folder: each model's classes live in their own folder, because
     * two editions' models may name the same class (the common rules' package) with other bytes.
     */
    private static final class FolderClassLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final String folder;
        private final ClassLoader resources;

        FolderClassLoader(String folder, ClassLoader resources) {
            super(resources);
            this.folder = folder;
            this.resources = resources;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] bytes = bytes(name);
                    c = bytes != null ? defineClass(name, bytes, 0, bytes.length) : getParent().loadClass(name);
                }
                if (resolve) resolveClass(c);
                return c;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = bytes(name);
            if (bytes == null) throw new ClassNotFoundException(name);
            return defineClass(name, bytes, 0, bytes.length);
        }

        private byte[] bytes(String name) {
            try (InputStream in = resources.getResourceAsStream(folder + name.replace('.', '/') + ".class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        }
    }
}
