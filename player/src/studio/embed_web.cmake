# Turns the studio's pages (studio/web/**) into one C++ source holding every file as bytes, so the
# studio serves them from its own binary: nothing to install beside it and nothing to load from
# elsewhere. Invoked with -DWEB_ROOT=... -DOUTPUT=... (the files are found again at build time).
file(GLOB_RECURSE files RELATIVE "${WEB_ROOT}" "${WEB_ROOT}/*")
list(SORT files)
set(body "")
set(entries "")
set(index 0)
foreach(file IN LISTS files)
    if(file MATCHES "(^|/)\\.")
        continue()
    endif()
    file(READ "${WEB_ROOT}/${file}" hex HEX)
    string(LENGTH "${hex}" hex_length)
    math(EXPR size "${hex_length} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
    string(APPEND body "const char file_${index}[] = {${bytes} 0};\n")
    string(APPEND entries "    {\"/${file}\", std::string_view(file_${index}, ${size})},\n")
    math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp"
    "// Generated from ${WEB_ROOT} by embed_web.cmake; do not edit.\n"
    "#include \"studio/web_assets.hpp\"\n"
    "namespace keiji::studio {\n"
    "namespace {\n"
    "${body}"
    "}  // namespace\n"
    "const std::vector<WebAsset>& web_assets() {\n"
    "    static const std::vector<WebAsset> assets = {\n${entries}    };\n"
    "    return assets;\n"
    "}\n"
    "}  // namespace keiji::studio\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
