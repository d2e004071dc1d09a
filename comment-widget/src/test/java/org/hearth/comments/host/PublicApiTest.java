package org.hearth.comments.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A host sees the widget through this package only: no public type here takes or gives a type of the widget's other
 * packages (an entity, an internal service), in a method, a constructor, a field or a record component.
 */
class PublicApiTest {

    private static final String PACKAGE = PublicApiTest.class.getPackageName();

    @Test
    void thePublicPackageNamesNoTypeOfTheWidgetsOtherPackages() throws IOException {
        var internal = new TreeMap<String, Set<String>>();
        for (var type : publicTypes()) {
            Stream.<Executable>concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors()))
                    .filter(e -> Modifier.isPublic(e.getModifiers()) && !e.isSynthetic())
                    .forEach(e -> Stream.concat(Stream.of(e instanceof Method m ? m.getGenericReturnType() : void.class),
                                    Arrays.stream(e.getGenericParameterTypes()))
                            .forEach(t -> collect(t, type.getSimpleName() + "." + e.getName(), internal)));
            Arrays.stream(type.getDeclaredFields()).filter(f -> Modifier.isPublic(f.getModifiers()))
                    .forEach(f -> collect(f.getGenericType(), type.getSimpleName() + "." + f.getName(), internal));
        }
        assertEquals(Map.of(), internal, "types of the widget's other packages in its public API");
    }

    @Test
    void theCheckSeesATypeInsideAGenericSignature() throws NoSuchMethodException {
        var found = new TreeMap<String, Set<String>>();
        collect(Sample.class.getDeclaredMethod("entities").getGenericReturnType(), "Sample.entities", found);
        assertEquals(Set.of("org.hearth.comments.comment.Comment"), found.keySet());
    }

    /** A signature the check must refuse. */
    private interface Sample {
        Map<String, List<? extends org.hearth.comments.comment.Comment>> entities();
    }

    private static List<Class<?>> publicTypes() throws IOException {
        var folder = Path.of("target/classes", PACKAGE.replace('.', '/'));
        assertTrue(Files.isDirectory(folder), "compiled classes at " + folder.toAbsolutePath());
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                    .<Class<?>>map(n -> load(PACKAGE + "." + n.substring(0, n.length() - ".class".length())))
                    .filter(PublicApiTest::isPublic).toList();
        }
    }

    private static boolean isPublic(Class<?> type) {
        for (var t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return !type.isAnonymousClass() && !type.isSynthetic();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicApiTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Type type, String where, Map<String, Set<String>> internal) {
        switch (type) {
            case Class<?> c when c.isArray() -> collect(c.getComponentType(), where, internal);
            case Class<?> c -> {
                var name = c.getPackageName();
                if (name.startsWith("org.hearth.comments") && !name.equals(PACKAGE)) {
                    internal.computeIfAbsent(c.getName(), k -> new TreeSet<>()).add(where);
                }
            }
            case ParameterizedType p -> {
                collect(p.getRawType(), where, internal);
                Arrays.stream(p.getActualTypeArguments()).forEach(a -> collect(a, where, internal));
            }
            case GenericArrayType a -> collect(a.getGenericComponentType(), where, internal);
            case WildcardType w -> {
                Arrays.stream(w.getUpperBounds()).forEach(b -> collect(b, where, internal));
                Arrays.stream(w.getLowerBounds()).forEach(b -> collect(b, where, internal));
            }
            default -> {
            }
        }
    }
}
