#include "alert/cap_feed.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <pugixml.hpp>
#include <sstream>

#include "alert/cap_import.hpp"

namespace keiji::alert {

namespace {

constexpr std::string_view cap_namespace = "urn:oasis:names:tc:emergency:cap:1.2";

std::string_view local_name(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view prefix_of(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
}

pugi::xml_node first_child(const pugi::xml_node& node, std::string_view local) {
    for (const pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_element && local_name(child) == local) {
            return child;
        }
    }
    return {};
}

std::string trimmed_text(const pugi::xml_node& node) {
    std::string text = node.text().as_string();
    text.erase(0, text.find_first_not_of(" \t\r\n"));
    text.erase(text.find_last_not_of(" \t\r\n") + 1);
    return text;
}

// The namespace `prefix` is bound to where `node` stands (its own or an ancestor's xmlns).
std::string namespace_at(pugi::xml_node node, std::string_view prefix) {
    const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
    for (; node; node = node.parent()) {
        if (const pugi::xml_attribute bound = node.attribute(attribute.c_str())) {
            return bound.as_string();
        }
    }
    return {};
}

// An <alert> inside a feed, as a document of its own: the binding of its prefix, often declared
// on the feed's root, is copied onto it so that the document reads alone.
std::string standalone_alert(const pugi::xml_node& alert) {
    pugi::xml_document copy;
    pugi::xml_node root = copy.append_copy(alert);
    const std::string_view prefix = prefix_of(alert);
    const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
    if (!root.attribute(attribute.c_str())) {
        root.prepend_attribute(attribute.c_str()) = namespace_at(alert, prefix).c_str();
    }
    std::ostringstream text;
    copy.save(text, "  ", pugi::format_default, pugi::encoding_utf8);
    return text.str();
}

std::string entry_link(const pugi::xml_node& entry) {
    pugi::xml_node chosen;
    pugi::xml_node alternate;
    for (const pugi::xml_node link : entry.children()) {
        if (link.type() != pugi::node_element || local_name(link) != "link") {
            continue;
        }
        const std::string_view type = link.attribute("type").as_string();
        const std::string_view rel = link.attribute("rel").as_string();
        if (type == "application/cap+xml") {
            return link.attribute("href").as_string();
        }
        if (!alternate && (rel.empty() || rel == "alternate")) {
            alternate = link;
        }
        if (!chosen) {
            chosen = link;
        }
    }
    return (alternate ? alternate : chosen).attribute("href").as_string();
}

// The CAP an ATOM <entry> carries: an <alert> element in <content>, or one written out as
// escaped text there.
std::string inline_cap(const pugi::xml_node& entry) {
    const pugi::xml_node content = first_child(entry, "content");
    for (const pugi::xml_node child : content.children()) {
        if (child.type() == pugi::node_element && local_name(child) == "alert" &&
            namespace_at(child, prefix_of(child)) == cap_namespace) {
            return standalone_alert(child);
        }
    }
    const std::string text = trimmed_text(content);
    return text.find(cap_namespace) != std::string::npos ? text : std::string{};
}

bool is_web(std::string_view url) {
    std::string scheme(url.substr(0, url.find("://")));
    std::ranges::transform(scheme, scheme.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return url.contains("://") && (scheme == "http" || scheme == "https");
}

}  // namespace

std::string resolve_url(std::string_view base, std::string_view reference) {
    if (reference.find("://") != std::string_view::npos) {
        return std::string(reference);
    }
    const std::size_t scheme_end = base.find("://");
    if (scheme_end == std::string_view::npos) {
        return std::string(reference);
    }
    if (reference.starts_with('/')) {
        const std::size_t path_start = base.find('/', scheme_end + 3);
        return std::string(base.substr(0, path_start)) + std::string(reference);
    }
    const std::string_view without_query = base.substr(0, base.find_first_of("?#"));
    const std::size_t last_slash = without_query.rfind('/');
    return std::string(without_query.substr(0, last_slash + 1)) + std::string(reference);
}

model::Result<std::vector<CapEntry>> read_cap_source(std::string_view document,
                                                     std::string_view source_url) {
    if (has_doctype(document)) {
        return model::failure(
            "refused: the document has a DOCTYPE (neither CAP nor ATOM has one, and keiji "
            "resolves no entities)");
    }
    pugi::xml_document parsed;
    const pugi::xml_parse_result result = parsed.load_buffer(
        document.data(), document.size(), pugi::parse_default, pugi::encoding_auto);
    if (!result) {
        return model::failure(
            fmt::format("not XML at byte {}: {}", result.offset, result.description()));
    }
    const pugi::xml_node root = parsed.document_element();
    if (local_name(root) == "alert") {
        return std::vector<CapEntry>{{.key = "", .cap_xml = std::string(document)}};
    }
    if (local_name(root) != "feed") {
        return model::failure(fmt::format(
            "neither a CAP alert nor an ATOM feed of them: the document is a <{}>", root.name()));
    }
    std::vector<CapEntry> entries;
    for (const pugi::xml_node entry : root.children()) {
        if (entry.type() != pugi::node_element || local_name(entry) != "entry") {
            continue;
        }
        CapEntry found{.key = trimmed_text(first_child(entry, "id")) + " " +
                              trimmed_text(first_child(entry, "updated")),
                       .cap_xml = inline_cap(entry)};
        if (found.cap_xml.empty()) {
            const std::string link = entry_link(entry);
            if (link.empty()) {
                continue;
            }
            found.cap_url = resolve_url(source_url, link);
            if (!is_web(found.cap_url) && is_web(source_url)) {
                found.problem =
                    fmt::format("the entry links to {}, which is not on the web", found.cap_url);
                found.cap_url.clear();
            }
        }
        if (found.key == " ") {
            // Neither <id> nor <updated> (ATOM requires both): the entry is what it carries.
            found.key = found.cap_url.empty() ? found.cap_xml : found.cap_url;
        }
        entries.push_back(std::move(found));
    }
    return entries;
}

}  // namespace keiji::alert
