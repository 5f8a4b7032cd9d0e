package org.smg.gateway.linkage;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the JVM links against in one class file (JVMS chapter 4): its name, supertypes, declared
 * members and the symbolic references of its constant pool. Every class, field and method a class
 * uses from another class is a constant-pool entry, so reading the pool is enough to know what
 * must exist at run time; bytecode and attributes are skipped.
 */
final class ClassFile {
    private static final int MAGIC = 0xCAFEBABE;

    private final String name;
    private final String superName;
    private final List<String> interfaces;
    private final Set<String> members;
    private final List<Reference> references;

    private ClassFile(String name, String superName, List<String> interfaces, Set<String> members, List<Reference> references) {
        this.name = name;
        this.superName = superName;
        this.interfaces = List.copyOf(interfaces);
        this.members = Set.copyOf(members);
        this.references = List.copyOf(references);
    }

    /** A symbolic reference: a class (name and descriptor empty), a field or a method of {@code owner}. */
    record Reference(Kind kind, String owner, String name, String descriptor) {
        enum Kind { CLASS, FIELD, METHOD }

        @Override
        public String toString() {
            return kind == Kind.CLASS ? owner.replace('/', '.') : owner.replace('/', '.') + "." + name + descriptor;
        }
    }

    /** Internal name, e.g. {@code org/apache/commons/io/IOUtils}. */
    String name() {
        return name;
    }

    /** Internal name of the superclass; null for java/lang/Object and module-info. */
    String superName() {
        return superName;
    }

    List<String> interfaces() {
        return interfaces;
    }

    /** True when this class itself declares a field or method with this name and descriptor. */
    boolean declares(String memberName, String descriptor) {
        return members.contains(memberName + descriptor);
    }

    List<Reference> references() {
        return references;
    }

    static ClassFile parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file (bad magic number)");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        ConstantPool pool = ConstantPool.read(in);
        in.readUnsignedShort();
        String name = pool.className(in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : pool.className(superIndex);
        List<String> interfaces = new ArrayList<>();
        for (int count = in.readUnsignedShort(); count > 0; count--) {
            interfaces.add(pool.className(in.readUnsignedShort()));
        }
        Set<String> members = new HashSet<>();
        readMembers(in, pool, members);
        readMembers(in, pool, members);
        return new ClassFile(name, superName, interfaces, members, pool.references());
    }

    /** Fields or methods: access, name, descriptor, then attributes we skip. */
    private static void readMembers(DataInputStream in, ConstantPool pool, Set<String> members) throws IOException {
        for (int count = in.readUnsignedShort(); count > 0; count--) {
            in.readUnsignedShort();
            String memberName = pool.utf8(in.readUnsignedShort());
            String descriptor = pool.utf8(in.readUnsignedShort());
            members.add(memberName + descriptor);
            for (int attributes = in.readUnsignedShort(); attributes > 0; attributes--) {
                in.readUnsignedShort();
                in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
            }
        }
    }

    /** The constant pool, kept as raw entries and decoded on demand. */
    private static final class ConstantPool {
        private static final int UTF8 = 1;
        private static final int CLASS = 7;
        private static final int FIELD_REF = 9;
        private static final int METHOD_REF = 10;
        private static final int INTERFACE_METHOD_REF = 11;
        private static final int NAME_AND_TYPE = 12;

        private final int[] tags;
        private final int[] first;
        private final int[] second;
        private final String[] strings;

        private ConstantPool(int size) {
            tags = new int[size];
            first = new int[size];
            second = new int[size];
            strings = new String[size];
        }

        static ConstantPool read(DataInputStream in) throws IOException {
            ConstantPool pool = new ConstantPool(in.readUnsignedShort());
            for (int index = 1; index < pool.tags.length; index++) {
                int tag = in.readUnsignedByte();
                pool.tags[index] = tag;
                switch (tag) {
                    case UTF8 -> pool.strings[index] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        index++;
                    }
                    case CLASS, 8, 16, 19, 20 -> pool.first[index] = in.readUnsignedShort();
                    case FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF, NAME_AND_TYPE, 17, 18 -> {
                        pool.first[index] = in.readUnsignedShort();
                        pool.second[index] = in.readUnsignedShort();
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        pool.first[index] = in.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " at index " + index);
                }
            }
            return pool;
        }

        String utf8(int index) {
            return strings[index];
        }

        String className(int index) {
            return strings[first[index]];
        }

        List<Reference> references() {
            List<Reference> references = new ArrayList<>();
            for (int index = 1; index < tags.length; index++) {
                switch (tags[index]) {
                    case CLASS -> elementClass(className(index))
                        .ifPresent(owner -> references.add(new Reference(Reference.Kind.CLASS, owner, "", "")));
                    case FIELD_REF -> references.add(member(Reference.Kind.FIELD, index));
                    case METHOD_REF, INTERFACE_METHOD_REF -> references.add(member(Reference.Kind.METHOD, index));
                    default -> {
                    }
                }
            }
            return references;
        }

        private Reference member(Reference.Kind kind, int index) {
            int nameAndType = second[index];
            return new Reference(kind, className(first[index]), utf8(first[nameAndType]), utf8(second[nameAndType]));
        }

        /** A class entry may name an array type ({@code [[Lfoo/Bar;}); what must exist is its element class. */
        private static Optional<String> elementClass(String name) {
            String element = name.replaceFirst("^\\[+", "");
            if (element.equals(name)) {
                return Optional.of(name);
            }
            return element.startsWith("L") && element.endsWith(";")
                ? Optional.of(element.substring(1, element.length() - 1))
                : Optional.empty();
        }
    }
}
