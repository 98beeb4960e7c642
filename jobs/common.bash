# Sourced by jobs/relufem and jobs/cluster (not a command): the checkout's paths, the build step
# and Spark's Java 17 module options, so every launcher builds and starts JVMs the same way.
#   root, version, jar, classpath (file holding the Maven runtime classpath, Spark included),
#   java, module_options (array), jit_options (array), relufem_build PROG (builds the jar when missing or stale)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)
jar="$root/target/relufem-$version.jar"
classpath="$root/target/classpath.txt"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Builds target/relufem-<version>.jar and target/classpath.txt (mvn package, tests skipped) when
# either is missing or older than the sources; PROG names the caller in messages.
relufem_build() {
  local prog=$1
  if [[ ! -f "$jar" || ! -f "$classpath" \
        || -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
    echo "$prog: building $jar" >&2
    (cd "$root" && mvn -q -B -DskipTests package >&2) || { echo "$prog: build failed" >&2; exit 1; }
  fi
}

# Spark's JavaModuleOptions for 4.1 (the same list as spark.module.options in pom.xml).
module_options=(
  -XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true
  -Dio.netty.allocator.type=pooled -Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE
  --enable-native-access=ALL-UNNAMED
)

# relufem's option for every JVM that runs its kernels (org.relufem.method.net.JitOptions says why;
# JitOptionsTest checks this copy).
jit_options=(-XX:PerMethodTrapLimit=10000)
