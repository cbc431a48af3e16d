// Status and StatusOr: how errors cross stage boundaries (no exceptions between stages).
// An error names what failed and where: the input file and byte offset, or the table and line.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace accord {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // a bad option or a bad rule
  kNotFound,         // a missing file or table
  kDataLoss,         // input that cannot be parsed: a broken message, invalid bytes
  kIoError,          // reading or writing failed
  kCancelled,        // interrupted (Ctrl-C)
  kInternal,         // a bug: a pipeline in the wrong order, a violated invariant
};

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status DataLoss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status Cancelled(std::string m) { return {StatusCode::kCancelled, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : v_(std::move(value)) {}                      // NOLINT: implicit by design
  StatusOr(Status status) : v_(std::move(status)) {}               // NOLINT: must not be ok
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<Status, T> v_;
};

#define ACCORD_RETURN_IF_ERROR(expr)          \
  do {                                        \
    ::accord::Status accord_status_ = (expr); \
    if (!accord_status_.ok()) return accord_status_; \
  } while (0)

}  // namespace accord
