# Turns the BudouX model JSON into a C++ source holding it as one raw string literal, so the
# pure text library needs no file access at run time. Invoked with -DINPUT=... -DOUTPUT=...
file(READ "${INPUT}" model_json)
file(WRITE "${OUTPUT}.tmp"
    "// Generated from ${INPUT} by embed_model.cmake; do not edit.\n"
    "#include <string_view>\n"
    "namespace keiji::text::detail {\n"
    "extern const std::string_view budoux_ja_model_json;\n"
    "const std::string_view budoux_ja_model_json = R\"budoux(${model_json})budoux\";\n"
    "}  // namespace keiji::text::detail\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
