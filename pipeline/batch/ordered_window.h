// The hand-off between the reader, the worker threads and the writer of a parallel run.
//
// The reader Reserve()s a sequence number for each item before it hands the item on; the item
// comes back (from a worker, or straight from the reader for markers) through Put(), in any
// order; the writer Take()s items strictly in sequence order. At most `capacity` items are
// reserved and not yet taken, so memory is bounded whatever the size of the archive, and the
// output order never depends on the thread count.
//
// Wake-ups are rationed, since each costs a context switch: a batch is handed back under one
// lock with one wake-up of the writer, and a reader that found the window full is woken only
// once half of it has drained, so it then reads a run of documents instead of one at a time.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace accord {

template <typename Item>
class OrderedWindow {
 public:
  explicit OrderedWindow(size_t capacity) : slots_(capacity) {}

  // Reader: waits until fewer than `capacity` items are in flight; returns the item's number.
  uint64_t Reserve() {
    std::unique_lock lock(mu_);
    if (reserved_ - taken_ >= slots_.size()) {
      reader_waiting_ = true;
      room_.wait(lock, [&] { return reserved_ - taken_ < slots_.size(); });
      reader_waiting_ = false;
    }
    return reserved_++;
  }

  // Reader: whether Reserve() would wait now (only the reader reserves, so it stays true or
  // turns false, never the other way, until the reader's next Reserve()).
  bool Full() {
    std::lock_guard lock(mu_);
    return reserved_ - taken_ >= slots_.size();
  }

  // Anyone: hands back item number `seq`.
  void Put(uint64_t seq, std::unique_ptr<Item> item) {
    {
      std::lock_guard lock(mu_);
      slots_[seq % slots_.size()] = std::move(item);
    }
    ready_.notify_all();
  }

  // Anyone: hands back items `seqs[i]`, all at once.
  void PutAll(const std::vector<uint64_t>& seqs, std::vector<std::unique_ptr<Item>>& items) {
    {
      std::lock_guard lock(mu_);
      for (size_t i = 0; i < seqs.size(); ++i) slots_[seqs[i] % slots_.size()] = std::move(items[i]);
    }
    ready_.notify_all();
  }

  // Reader: no more Reserve() calls.
  void Close() {
    {
      std::lock_guard lock(mu_);
      closed_ = true;
    }
    ready_.notify_all();
  }

  // Writer: the next item in sequence order, or nullptr once closed and every item was taken.
  std::unique_ptr<Item> Take() {
    std::unique_lock lock(mu_);
    auto& slot = slots_[taken_ % slots_.size()];
    ready_.wait(lock, [&] { return slot != nullptr || (closed_ && taken_ == reserved_); });
    if (slot == nullptr) return nullptr;
    std::unique_ptr<Item> item = std::move(slot);
    ++taken_;
    const bool wake = reader_waiting_ && reserved_ - taken_ <= slots_.size() / 2;
    lock.unlock();
    if (wake) room_.notify_one();
    return item;
  }

 private:
  std::mutex mu_;
  std::condition_variable room_, ready_;
  std::vector<std::unique_ptr<Item>> slots_;
  uint64_t reserved_ = 0, taken_ = 0;
  bool closed_ = false;
  bool reader_waiting_ = false;
};

// A plain multi-producer multi-consumer queue for the workers; its length is bounded by the
// OrderedWindow the items were reserved in.
template <typename T>
class WorkQueue {
 public:
  void Push(T item) {
    {
      std::lock_guard lock(mu_);
      items_.push_back(std::move(item));
    }
    cv_.notify_one();
  }
  void Close() {
    {
      std::lock_guard lock(mu_);
      closed_ = true;
    }
    cv_.notify_all();
  }
  // False once closed and empty.
  bool Pop(T& out) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    out = std::move(items_.front());
    items_.pop_front();
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace accord
