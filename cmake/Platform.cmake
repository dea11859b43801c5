# SMP_PLATFORM: the folder under kernels/arch/ that holds this target
# processor's kernel paths (x86 or arm), for every CMake file that differs
# by platform. A configure for another processor stops here.
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  set(SMP_PLATFORM x86)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64|ARM64)$")
  set(SMP_PLATFORM arm)
else()
  message(FATAL_ERROR "smallmind-prof has kernel paths for x86-64 and aarch64 only, not ${CMAKE_SYSTEM_PROCESSOR}")
endif()
