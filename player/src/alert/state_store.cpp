#include "alert/state_store.hpp"

#include "storage/file_io.hpp"

namespace keiji::alert {

model::Result<std::optional<std::string>> FileStateStore::load() {
    return storage::read_file_if_exists(m_file);
}

model::Result<void> FileStateStore::save(std::string_view state) {
    return storage::write_file_atomically(m_file, state);
}

}  // namespace keiji::alert
