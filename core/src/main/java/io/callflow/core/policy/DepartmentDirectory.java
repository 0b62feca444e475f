package io.callflow.core.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured departments ({@code departments}), by name; names are unique. */
public record DepartmentDirectory(List<Department> departments) {

  public DepartmentDirectory {
    SettingCheck.notNull("departments", departments);
    departments = List.copyOf(departments);
    Map<String, Department> seen = new LinkedHashMap<>();
    for (Department department : departments) {
      if (seen.put(department.name(), department) != null) {
        throw new IllegalArgumentException("departments: name '" + department.name()
            + "' is listed twice; names must be unique");
      }
    }
  }

  public static DepartmentDirectory empty() {
    return new DepartmentDirectory(List.of());
  }

  public Optional<Department> find(String name) {
    return departments.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The names, for an error message that says what would have been valid. */
  public List<String> names() {
    return departments.stream().map(Department::name).toList();
  }
}
